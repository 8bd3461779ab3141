#define main softmax_avx2_main
#include "/work/wt-kern/benchmarks/c/softmax_avx2.c"
int c_softmax(int algo, const float *x, float *y, long n) { return ALGOS[algo].fn(x, y, (size_t) n); }
double c_sum_exp(const float *x, long n, float m) { shift_t s = shift_of(m); return pass_sum(x, (size_t) n, &s); }
double c_store_sum(const float *x, float *y, long n, float m) { shift_t s = shift_of(m); return pass_store_sum(x, y, (size_t) n, &s); }
void c_write_exp(const float *x, float *y, long n, float m, float scale) { shift_t s = shift_of(m); pass_write_exp(x, y, (size_t) n, &s, scale); }
double c_online_reduce(const float *x, long n) { return 0; }
