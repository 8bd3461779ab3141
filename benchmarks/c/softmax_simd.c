/*
 * softmax_simd: the C yardstick for the Java kernels, as wide as the host: AVX-512 (16 floats) where
 * gcc -march=native targets AVX-512F/DQ, else AVX2 + FMA (8 floats); -DSOFTMAX_AVX2 forces AVX2. The
 * kernels are written once against a small width layer (vf, V(op), the helpers below it). Four fp32
 * softmax algorithms:
 *   - magic-bias exp (the same on both widths): n from the bias, 2^n from the bits,
 *     degree-5 minimax polynomial, -inf and x - max < -87.34 give exactly 0;
 *   - U vectors per loop iteration, written stage by stage across them;
 *   - per-lane fp32 sums folded into double every BLOCK elements;
 *   - three-pass/online exps reduce x itself (max applied as an exact power of two), one
 *     Cody–Waite constant (its error is common to the sum and the outputs and cancels to
 *     |n_i - n_max|·2e-9); 1/sum folded into the output polynomial's coefficients;
 *   - x − r only when r ≠ 0 (the exp loops unswitched on that test);
 *   - online: speculative block exps against the running max, the block's max only when it grew;
 *   - two-pass with (mantissa, exponent) pairs against one running reference exponent, one
 *     Cody–Waite constant, 1/sum folded into the output polynomial.
 * The algorithmic choices are the Java kernels' (lab.softmax.engine.kernels.Vector*), so that the
 * Java/C ratios compare code generation for the same work (benchmarks/README.md, "round 3").
 *
 * Usage (the binary refuses to run on a CPU without the ISA it was built for):
 *   softmax_simd isa                  -> AVX-512 or AVX2
 *   softmax_simd check
 *   softmax_simd bench ALGO N REPS   -> algo,n,median_ns_per_element,min_ns_per_element,max_rel_err
 *   softmax_simd stream THREADS N REPS -> stream,threads=..,n=..,bytes=..,KERNEL,median_GBps=..,max_GBps=..
 *   softmax_simd passes N REPS        -> pass,NAME,n,median_ns_per_element (each pass alone)
 * Build: gcc -O3 -march=native -fopenmp -o softmax_simd softmax_simd.c -lm
 * As a shared library for lab.softmax.benchmarks.PairedWithC (exports softmax_c_find, softmax_c_run, softmax_c_isa
 * and softmax_c_supported,
 * no main; benchmarks/paired.sh does this):
 *   gcc -O3 -march=native -fopenmp -fPIC -shared -DSOFTMAX_SHARED -o libsoftmax_simd.so softmax_simd.c -lm
 */
#include <immintrin.h>
#include <float.h>
#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The vector width: AVX-512 where the compiler targets it (gcc -march=native on an AVX-512 host), else
 * AVX2 + FMA; the kernels below are written once against this layer. -DSOFTMAX_AVX2 forces the AVX2 path. */
#if defined(__AVX512F__) && defined(__AVX512DQ__) && !defined(SOFTMAX_AVX2)
#define W 16             /* floats per __m512 */
#define SOFTMAX_ISA "AVX-512"
#define SOFTMAX_CPU_FEATURE "avx512f"
typedef __m512 vf;
typedef __m512i vi;
typedef __m512d vd;
#define V(op) _mm512_##op
#else
#define W 8              /* floats per __m256 */
#define SOFTMAX_ISA "AVX2"
#define SOFTMAX_CPU_FEATURE "avx2"
typedef __m256 vf;
typedef __m256i vi;
typedef __m256d vd;
#define V(op) _mm256_##op
#endif
#ifndef U
#define U 4              /* vectors per iteration */
#endif
#define STEP (U * W)
#define BLOCK 1024       /* elements per fp32 partial sum before it is folded into double */
#define INLINE static inline __attribute__((always_inline))

static const float LOG2E = 0x1.715476p+0f;
static const float MAGIC = 0x1.8000FEp23f;      /* 1.5·2^23 + 127 */
static const float LN2 = 0x1.62E430p-1f;        /* one-constant Cody–Waite */
static const float LN2_HI = 0x1.62E400p-1f;     /* two-constant, for two-pass's absolute exponents */
static const float LN2_LO = 0x1.7F7D1Cp-20f;
static const float C5 = 0x1.0F9F9Cp-7f, C4 = 0x1.573A1Ap-5f, C3 = 0x1.555A80p-3f,
                   C2 = 0x1.FFFDC6p-2f, C1 = 0x1.FFFFF6p-1f;
static const float CUTOFF = -0x1.5D589Ep6f;     /* ln 2^-126 */
static const float T_LIMIT = 0.36f;             /* |t| ≤ ln2/2 for every finite, moderate x */

/* ---------------------------------------------------------------- width-specific helpers ---- */
#if W == 16
INLINE vi as_vi(vf v) { return _mm512_castps_si512(v); }
INLINE vf as_vf(vi v) { return _mm512_castsi512_ps(v); }
INLINE vi vi_zero(void) { return _mm512_setzero_si512(); }
INLINE vd vd_zero(void) { return _mm512_setzero_pd(); }
/* f where d >= c, else +0 (and where d is NaN) */
INLINE vf keep_ge(vf f, vf d, vf c) { return _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(d, c, _CMP_GE_OQ), f); }
INLINE vf round_nearest(vf v) { return _mm512_roundscale_ps(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
INLINE float hmax_ps(vf v) { return _mm512_reduce_max_ps(v); }
INLINE double hsum_d(vd v) { return _mm512_reduce_add_pd(v); }
INLINE vd widen_add(vd acc, vf v) {
    acc = _mm512_add_pd(acc, _mm512_cvtps_pd(_mm512_castps512_ps256(v)));
    return _mm512_add_pd(acc, _mm512_cvtps_pd(_mm512_extractf32x8_ps(v, 1)));
}
/* the lanes' integer max read back as a float (the bits of the largest biased exponent) */
INLINE float hmax_bits(vi v) {
    int32_t m = _mm512_reduce_max_epi32(v);
    float f;
    memcpy(&f, &m, 4);
    return f;
}
#else
INLINE vi as_vi(vf v) { return _mm256_castps_si256(v); }
INLINE vf as_vf(vi v) { return _mm256_castsi256_ps(v); }
INLINE vi vi_zero(void) { return _mm256_setzero_si256(); }
INLINE vd vd_zero(void) { return _mm256_setzero_pd(); }
INLINE vf keep_ge(vf f, vf d, vf c) { return _mm256_and_ps(f, _mm256_cmp_ps(d, c, _CMP_GE_OQ)); }
INLINE vf round_nearest(vf v) { return _mm256_round_ps(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
INLINE float hmax_ps(vf v) {
    __m128 h = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    h = _mm_max_ps(h, _mm_movehl_ps(h, h));
    h = _mm_max_ss(h, _mm_shuffle_ps(h, h, 1));
    return _mm_cvtss_f32(h);
}
INLINE double hsum_d(vd v) {
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}
INLINE vd widen_add(vd acc, vf v) {
    acc = _mm256_add_pd(acc, _mm256_cvtps_pd(_mm256_castps256_ps128(v)));
    return _mm256_add_pd(acc, _mm256_cvtps_pd(_mm256_extractf128_ps(v, 1)));
}
INLINE float hmax_bits(vi v) {
    __m128i h = _mm_max_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    h = _mm_max_epi32(h, _mm_shuffle_epi32(h, 0x4E));
    h = _mm_max_epi32(h, _mm_shuffle_epi32(h, 0xB1));
    return _mm_cvtss_f32(_mm_castsi128_ps(h));
}
#endif

/* ---------------------------------------------------------------- exp relative to a max ------ */


/* exp(x - m)·factor = exp(x - r)·2^-k, with x - r exact for every x that matters (Sterbenz when
 * r = m, r = 0 when |m| < 174 so that |x| ≤ 262 and n ≤ 378 fit the reduction). */
typedef struct { float r, cutoff, magic; double factor; } shift_t;

static shift_t shift_of(float m) {
    shift_t s;
    s.r = fabsf(m) >= 174.f ? m : 0.f;
    float dm = m - s.r;
    float k = rintf(dm * LOG2E);
    s.cutoff = dm + CUTOFF;
    s.magic = MAGIC - k;
    s.factor = exp((double)dm - (double)k * M_LN2);
    return s;
}

/* Scalar twin for loop tails; scale multiplies the result (1 in the sum passes). */
static float exp_scalar(float x, const shift_t *s, float scale) {
    float d = x - s->r;
    if (!(d >= s->cutoff)) return 0.f;
    float b = fmaf(d, LOG2E, s->magic);
    uint32_t bits;
    memcpy(&bits, &b, 4);
    bits <<= 23;
    float pow2;
    memcpy(&pow2, &bits, 4);
    float n = b - s->magic;
    float t = fmaf(n, -LN2, d);
    float p = fmaf(fmaf(fmaf(fmaf(C5, t, C4), t, C3), t, C2), t, C1);
    return fmaf(t * pow2, p, pow2) * scale;
}

typedef struct { vf r, cutoff, magic, c5, c4, c3, c2, c1, c0; } vshift_t;

/* c0..c5 are the polynomial's coefficients times scale: scale·e^t at no extra cost. */
INLINE vshift_t vshift_of(const shift_t *s, float scale) {
    vshift_t v = {V(set1_ps)(s->r), V(set1_ps)(s->cutoff), V(set1_ps)(s->magic),
                  V(set1_ps)(C5 * scale), V(set1_ps)(C4 * scale), V(set1_ps)(C3 * scale),
                  V(set1_ps)(C2 * scale), V(set1_ps)(C1 * scale), V(set1_ps)(scale)};
    return v;
}

/* f[j] = scale·exp(x[j] - m)·factor for U vectors, stage by stage across the vectors. SHIFTED is a
 * compile-time constant at every call (the callers test r ≠ 0 once, outside their loops): x − r only
 * when r ≠ 0, as the Java kernels do. TOP, when not NULL, gets the integer max of the biased exponents'
 * bits (online's speculative max; finite b are positive floats, whose bits order like their values). */
INLINE void exp_u(const float *x, const vshift_t *c, vf f[U], const int shifted, vi *top) {
    const vf log2e = V(set1_ps)(LOG2E), mln2 = V(set1_ps)(-LN2);
    vf d[U], b[U], s[U], n[U], t[U], p[U];
    for (int j = 0; j < U; j++) d[j] = shifted ? V(sub_ps)(V(loadu_ps)(x + j * W), c->r) : V(loadu_ps)(x + j * W);
    for (int j = 0; j < U; j++) b[j] = V(fmadd_ps)(d[j], log2e, c->magic);
    if (top)
        for (int j = 0; j < U; j++) *top = V(max_epi32)(*top, as_vi(b[j]));
    for (int j = 0; j < U; j++) s[j] = as_vf(V(slli_epi32)(as_vi(b[j]), 23));
    for (int j = 0; j < U; j++) n[j] = V(sub_ps)(b[j], c->magic);
    for (int j = 0; j < U; j++) t[j] = V(fmadd_ps)(n[j], mln2, d[j]);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(c->c5, t[j], c->c4);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c->c3);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c->c2);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c->c1);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c->c0);
    for (int j = 0; j < U; j++) f[j] = V(mul_ps)(p[j], s[j]);
    /* below the cutoff (and -inf, where t is NaN) the result is exactly 0 */
    for (int j = 0; j < U; j++) f[j] = keep_ge(f[j], d[j], c->cutoff);
}

/* ---------------------------------------------------------------- passes ------------------- */

static float pass_max(const float *x, size_t n) {
    vf m[U];
    for (int j = 0; j < U; j++) m[j] = V(set1_ps)(-INFINITY);
    size_t i = 0;
    for (; i + STEP <= n; i += STEP)
        for (int j = 0; j < U; j++) m[j] = V(max_ps)(m[j], V(loadu_ps)(x + i + j * W));
    for (int j = 1; j < U; j++) m[0] = V(max_ps)(m[0], m[j]);
    float r = hmax_ps(m[0]);
    for (; i < n; i++) r = x[i] > r ? x[i] : r;
    return r;
}

/* Σ exp(x - m)·factor; if y, also stores the terms (reload's pass 2). */
INLINE double pass_sum_exp_k(const float *x, float *y, size_t n, const shift_t *sh, const int shifted) {
    const vshift_t c = vshift_of(sh, 1.f);
    vd total = vd_zero();
    size_t i = 0;
    while (i + STEP <= n) {
        size_t end = i + BLOCK < n ? i + BLOCK : n;
        vf acc[U];
        for (int j = 0; j < U; j++) acc[j] = V(setzero_ps)();
        for (; i + STEP <= end; i += STEP) {
            vf f[U];
            exp_u(x + i, &c, f, shifted, NULL);
            if (y)
                for (int j = 0; j < U; j++) V(storeu_ps)(y + i + j * W, f[j]);
            for (int j = 0; j < U; j++) acc[j] = V(add_ps)(acc[j], f[j]);
        }
        for (int j = 1; j < U; j++) acc[0] = V(add_ps)(acc[0], acc[j]);
        total = widen_add(total, acc[0]);
    }
    double sum = hsum_d(total);
    for (; i < n; i++) {
        float f = exp_scalar(x[i], sh, 1.f);
        if (y) y[i] = f;
        sum += f;
    }
    return sum;
}

/* the loop unswitched on r ≠ 0 (r = 0 whenever |max| < 174): the usual copy has no x − r */
INLINE double pass_sum_exp(const float *x, float *y, size_t n, const shift_t *sh) {
    return sh->r != 0.f ? pass_sum_exp_k(x, y, n, sh, 1) : pass_sum_exp_k(x, y, n, sh, 0);
}

static double pass_sum(const float *x, size_t n, const shift_t *sh) { return pass_sum_exp(x, NULL, n, sh); }
static double pass_store_sum(const float *x, float *y, size_t n, const shift_t *sh) { return pass_sum_exp(x, y, n, sh); }

/* y = exp(x - m)·factor·scale */
INLINE void pass_write_exp_k(const float *x, float *y, size_t n, const shift_t *sh, float scale, const int shifted) {
    const vshift_t c = vshift_of(sh, scale);
    size_t i = 0;
    for (; i + STEP <= n; i += STEP) {
        vf f[U];
        exp_u(x + i, &c, f, shifted, NULL);
        for (int j = 0; j < U; j++) V(storeu_ps)(y + i + j * W, f[j]);
    }
    for (; i < n; i++) y[i] = exp_scalar(x[i], sh, scale);
}

static void pass_write_exp(const float *x, float *y, size_t n, const shift_t *sh, float scale) {
    if (sh->r != 0.f) pass_write_exp_k(x, y, n, sh, scale, 1);
    else pass_write_exp_k(x, y, n, sh, scale, 0);
}

static void pass_scale(float *y, size_t n, float scale) {
    const vf s = V(set1_ps)(scale);
    size_t i = 0;
    for (; i + STEP <= n; i += STEP)
        for (int j = 0; j < U; j++) V(storeu_ps)(y + i + j * W, V(mul_ps)(s, V(loadu_ps)(y + i + j * W)));
    for (; i < n; i++) y[i] *= scale;
}

/* ---------------------------------------------------------------- algorithms --------------- */
/* Each returns 0, or -1 for a row with no finite logit (rejected, y untouched). */

static int softmax_recompute(const float *x, float *y, size_t n) {
    float m = pass_max(x, n);
    if (m == -INFINITY) return -1;
    shift_t sh = shift_of(m);
    double sum = pass_sum(x, n, &sh);
    pass_write_exp(x, y, n, &sh, (float)(1.0 / sum));
    return 0;
}

static int softmax_reload(const float *x, float *y, size_t n) {
    float m = pass_max(x, n);
    if (m == -INFINITY) return -1;
    shift_t sh = shift_of(m);
    double sum = pass_store_sum(x, y, n, &sh);
    pass_scale(y, n, (float)(1.0 / sum));
    return 0;
}

/* Online: one pass over memory, about one exp per element. The first block's max starts the running max
 * m; every later block takes its exps against m *speculatively* (no max pass per block), with an integer
 * max of the biased exponents b on the side (one instruction per vector). After the block, if its largest
 * exp went above 2^0 (some x above m), its exact max is taken (re-read from L1) and the double sum rescaled
 * once; if it went above 2^GROWTH_LIMIT (the fp32 lane sums could overflow), the block is redone from its
 * max. The same algorithm as the Java kernel's (VectorExpPasses.onlineReduce). */
#define GROWTH_LIMIT 64.f

INLINE double online_block_k(const float *x, size_t len, const shift_t *sh, vi *top, const int shifted) {
    const vshift_t c = vshift_of(sh, 1.f);
    vf acc[U];
    for (int j = 0; j < U; j++) acc[j] = V(setzero_ps)();
    for (size_t i = 0; i + STEP <= len; i += STEP) {
        vf f[U];
        exp_u(x + i, &c, f, shifted, top);
        for (int j = 0; j < U; j++) acc[j] = V(add_ps)(acc[j], f[j]);
    }
    for (int j = 1; j < U; j++) acc[0] = V(add_ps)(acc[0], acc[j]);
    return hsum_d(widen_add(vd_zero(), acc[0]));
}

/* Σ exp(x - m)·factor over len (a multiple of STEP) elements, and in *top_exponent n − k of the largest term
 * (finite b are positive floats, whose bits order like their values; masked lanes' b are negative). */
static double online_block(const float *x, size_t len, const shift_t *sh, float *top_exponent) {
    vi top = vi_zero();
    double sum = sh->r != 0.f ? online_block_k(x, len, sh, &top, 1) : online_block_k(x, len, sh, &top, 0);
    *top_exponent = hmax_bits(top) - MAGIC;
    return sum;
}

static int softmax_online(const float *x, float *y, size_t n) {
    float m = -INFINITY;
    double d = 0;
    shift_t sh = shift_of(0.f);
    const size_t vector_end = n / STEP * STEP;
    size_t b = 0;
    while (b < vector_end) {
        size_t len = vector_end - b < BLOCK ? vector_end - b : BLOCK;
        if (m == -INFINITY) {   /* the first block, or every logit so far is -inf: its max first */
            float bm = pass_max(x + b, len);
            if (bm == -INFINITY) { b += len; continue; }
            m = bm;
            sh = shift_of(m);
        }
        float top;
        double s = online_block(x + b, len, &sh, &top);
        if (top > GROWTH_LIMIT) {   /* lane sums could overflow: redo the block from its max */
            float bm = pass_max(x + b, len);
            d *= exp((double)m - bm);
            m = bm;
            sh = shift_of(m);
            continue;
        }
        d += s / sh.factor;
        if (top > 0) {   /* the max grew (rare after the first blocks): the exact block max, rescale once */
            float bm = pass_max(x + b, len);
            if (bm > m) {
                d *= exp((double)m - bm);
                m = bm;
                sh = shift_of(m);
            }
        }
        b += len;
    }
    if (vector_end < n) {
        float tm = pass_max(x + vector_end, n - vector_end);
        if (tm > m) {
            d = m == -INFINITY ? 0 : d * exp((double)m - tm);
            m = tm;
            sh = shift_of(m);
        }
        if (m != -INFINITY) {
            double tail = 0;
            for (size_t i = vector_end; i < n; i++) tail += exp_scalar(x[i], &sh, 1.f);
            d += tail / sh.factor;
        }
    }
    if (m == -INFINITY) return -1;
    pass_write_exp(x, y, n, &sh, (float)(1.0 / (d * sh.factor)));
    return 0;
}

/* ---- two-pass: every e^x as p·2^n, n = round(x·log2 e) an integer-valued float ---- */

/* 2^e for integer-valued float vectors e ≤ 0; e ≤ -127 (and -inf) give exactly 0. */
INLINE vf pow2_neg(vf e) {
    const vf magic = V(set1_ps)(MAGIC);
    const vi lowest = as_vi(V(set1_ps)(MAGIC - 127.f));
    vi bits = V(max_epi32)(as_vi(V(add_ps)(e, magic)), lowest);
    return as_vf(V(slli_epi32)(bits, 23));
}

/* (p, n) of U vectors. The clamp of t maps -inf (t = NaN) and logits beyond fp32's exact
 * reduction (|x| ≳ 3e6, t garbage) to a finite mantissa in [0.7, 1.42]. */
INLINE void extexp_u(const float *x, vf p[U], vf n[U]) {
    const vf log2e = V(set1_ps)(LOG2E), mhi = V(set1_ps)(-LN2_HI), mlo = V(set1_ps)(-LN2_LO);
    const vf tmax = V(set1_ps)(T_LIMIT), tmin = V(set1_ps)(-T_LIMIT), one = V(set1_ps)(1.f);
    vf v[U], t[U];
    for (int j = 0; j < U; j++) v[j] = V(loadu_ps)(x + j * W);
    for (int j = 0; j < U; j++) n[j] = round_nearest(V(mul_ps)(v[j], log2e));
    for (int j = 0; j < U; j++) t[j] = V(fmadd_ps)(n[j], mhi, v[j]);
    for (int j = 0; j < U; j++) t[j] = V(fmadd_ps)(n[j], mlo, t[j]);
    for (int j = 0; j < U; j++) t[j] = V(max_ps)(V(min_ps)(t[j], tmax), tmin); /* NaN → tmin */
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(V(set1_ps)(C5), t[j], V(set1_ps)(C4));
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], V(set1_ps)(C3));
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], V(set1_ps)(C2));
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], V(set1_ps)(C1));
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], one);
}

static float extexp_scalar(float x, float *n) {
    float nn = rintf(x * LOG2E);
    float t = fmaf(nn, -LN2_LO, fmaf(nn, -LN2_HI, x));
    t = t != t ? -T_LIMIT : fmaxf(fminf(t, T_LIMIT), -T_LIMIT);
    *n = nn;
    return fmaf(fmaf(fmaf(fmaf(fmaf(C5, t, C4), t, C3), t, C2), t, C1), t, 1.f);
}

typedef struct { double v, e; } ext_t;   /* v·2^e, e an integer (-inf for an empty sum) */

static ext_t ext_add(ext_t a, ext_t b) {
    if (b.v == 0) return a;
    if (a.v == 0) return b;
    if (a.e == b.e) { a.v += b.v; return a; }
    double e = a.e > b.e ? a.e : b.e;
    ext_t r = {ldexp(a.v, (int)fmax(a.e - e, -2000)) + ldexp(b.v, (int)fmax(b.e - e, -2000)), e};
    return r;
}

/* Pass 1: per lane (acc_v, acc_e) over U vectors sharing one exponent; every BLOCK elements the
 * lanes are folded exactly into a double pair. Rescaling multiplies by exact powers of two. */
static ext_t twopass_reduce(const float *x, size_t n) {
    ext_t total = {0, -INFINITY};
    size_t i = 0;
    while (i + STEP <= n) {
        size_t end = i + BLOCK < n ? i + BLOCK : n;
        vf accv[U];
        for (int j = 0; j < U; j++) accv[j] = V(setzero_ps)();
        vf acce = V(set1_ps)(-FLT_MAX);   /* finite: -inf - (-inf) never happens */
        for (; i + STEP <= end; i += STEP) {
            vf p[U], e[U], s[U];
            extexp_u(x + i, p, e);
            vf newe = acce;
            for (int j = 0; j < U; j++) newe = V(max_ps)(newe, e[j]);
            vf sa = pow2_neg(V(sub_ps)(acce, newe));
            acce = newe;
            for (int j = 0; j < U; j++) s[j] = pow2_neg(V(sub_ps)(e[j], newe));
            for (int j = 0; j < U; j++) accv[j] = V(fmadd_ps)(p[j], s[j], V(mul_ps)(accv[j], sa));
        }
        /* fold the lanes: E = max lane exponent, V = Σ acc_v·2^(acc_e − E), exact powers of two */
        for (int j = 1; j < U; j++) accv[0] = V(add_ps)(accv[0], accv[j]);
        float top_e = hmax_ps(acce);
        vf v = V(mul_ps)(accv[0], pow2_neg(V(sub_ps)(acce, V(set1_ps)(top_e))));
        ext_t block = {hsum_d(widen_add(vd_zero(), v)), top_e};
        total = ext_add(total, block);
    }
    for (; i < n; i++) {
        float e;
        float p = extexp_scalar(x[i], &e);
        if (x[i] == -INFINITY) continue;
        ext_t term = {p, e};
        total = ext_add(total, term);
    }
    return total;
}

/* Pass 2: y = p·(1/V)·2^(n - E); outputs below 2^-126 flush to 0. */
static void twopass_write(const float *x, float *y, size_t n, ext_t sum) {
    const vf inv = V(set1_ps)((float)(1.0 / sum.v)), ve = V(set1_ps)((float)sum.e);
    size_t i = 0;
    for (; i + STEP <= n; i += STEP) {
        vf p[U], e[U];
        extexp_u(x + i, p, e);
        for (int j = 0; j < U; j++) p[j] = V(mul_ps)(p[j], inv);
        for (int j = 0; j < U; j++) e[j] = pow2_neg(V(sub_ps)(e[j], ve));
        for (int j = 0; j < U; j++) V(storeu_ps)(y + i + j * W, V(mul_ps)(p[j], e[j]));
    }
    for (; i < n; i++) {
        float e;
        float p = extexp_scalar(x[i], &e);
        double d = (double)e - sum.e;
        y[i] = x[i] == -INFINITY || d < -126 ? 0.f : (float)(p * (float)(1.0 / sum.v)) * ldexpf(1.f, (int)d);
    }
}

/* ---- two-pass, fast path: the exponent kept biased, b = x·log2 e + 1.5·2^23 (one FMA; n = b − 1.5·2^23).
 * For x > −8.7e6 b is a positive float whose bits order like its value, so a lane max is one integer
 * max and 2^(n − E) comes from the bits of b + (EXP_MAGIC − B) (one add). An unsigned min on x's
 * bits maps −inf and x ≤ −2^48 to −2^48 (finite t, weight exactly 0). One Cody–Waite constant:
 * t = x − n·ln2_f, whose error n·(ln2_f − ln2) is linear in n and the same in both passes (and in the
 * scalar tails, which repeat the loops' fp32 operations), so only |n_i − n_j|·2e-9 survives in the
 * outputs. Pass 1 weighs every block against one running reference exponent B_ref (from the first
 * block's max, then moved up when a block's integer max of b exceeded it; a block more than 2^64 above
 * it is redone from its own max): no max pass, no per-iteration rescale. Pass 2 folds 1/sum into the
 * polynomial. Exponents reaching 2^21 (where the biased add is no longer exact), rows holding only
 * logits ≤ −8.7e6 and non-finite block sums take the robust path above. The Java kernel's algorithm
 * (VectorTwoPass). */
static const float ROUND_MAGIC = 0x1.8p23f;
#define HUGE_EXPONENT 0x1p21

/* c[0..5] = C5, C4, C3, C2, C1, C0 (C0 = 1 in pass 1, the folded 1/sum in pass 2) */
INLINE void extexp_biased_u(const float *x, vf p[U], vf b[U], const vf c[6]) {
    const vf log2e = V(set1_ps)(LOG2E), rm = V(set1_ps)(ROUND_MAGIC), mln2 = V(set1_ps)(-LN2);
    const vi lowest = V(set1_epi32)((int)0xD7800000u);   /* bits of -2^48 */
    vf v[U], t[U];
    for (int j = 0; j < U; j++)
        v[j] = as_vf(V(min_epu32)(as_vi(V(loadu_ps)(x + j * W)), lowest));
    for (int j = 0; j < U; j++) b[j] = V(fmadd_ps)(v[j], log2e, rm);
    for (int j = 0; j < U; j++) t[j] = V(fmadd_ps)(V(sub_ps)(b[j], rm), mln2, v[j]);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(c[0], t[j], c[1]);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c[2]);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c[3]);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c[4]);
    for (int j = 0; j < U; j++) p[j] = V(fmadd_ps)(p[j], t[j], c[5]);
}

/* p of the vector loops for x with biased exponent b = fma(x, log2 e, 1.5·2^23) > 0, same fp32 operations */
static float mantissa_biased(float x, float b) {
    float t = fmaf(b - ROUND_MAGIC, -LN2, x);
    return fmaf(fmaf(fmaf(fmaf(fmaf(C5, t, C4), t, C3), t, C2), t, C1), t, 1.f);
}

/* 2^(n − E) from the bits of b + c, c = EXP_MAGIC − B_max; n − E ≤ −127 (and −inf, NaN) give +0 */
INLINE vf pow2_biased(vf b, vf c) {
    const vi lowest = as_vi(V(set1_ps)(MAGIC - 127.f));
    vi bits = V(max_epi32)(as_vi(V(add_ps)(b, c)), lowest);
    return as_vf(V(slli_epi32)(bits, 23));
}

static int needs_exact_path(double exponent) { return !(fabs(exponent) < HUGE_EXPONENT); }

static int twopass_reduce_fast(const float *x, size_t n, ext_t *out) {
    const vf coef[6] = {V(set1_ps)(C5), V(set1_ps)(C4), V(set1_ps)(C3),
                            V(set1_ps)(C2), V(set1_ps)(C1), V(set1_ps)(1.f)};
    ext_t total = {0, -INFINITY};
    const size_t vector_end = n / STEP * STEP;
    float ref_b = 0;   /* the reference biased exponent B_ref; 0 until a block has set it */
    size_t i = 0;
    while (i < vector_end) {
        const size_t block_start = i, end = i + BLOCK < vector_end ? i + BLOCK : vector_end;
        if (ref_b == 0) {
            /* from the block's max: every b of the block is ≤ B_ref (fma is monotone) */
            ref_b = fmaf(pass_max(x + i, end - i), LOG2E, ROUND_MAGIC);
            if (!(ref_b > 0)) {   /* only masks and logits below −8.7e6: no weight next to any other block */
                ref_b = 0;
                i = end;
                continue;
            }
            if (needs_exact_path((double)ref_b - ROUND_MAGIC)) return -1;
        }
        const vf c = V(set1_ps)(MAGIC - ref_b);
        vf accv[U];
        for (int j = 0; j < U; j++) accv[j] = V(setzero_ps)();
        vi top = vi_zero();   /* integer max of b: finite b are positive floats, masks negative */
        for (; i < end; i += STEP) {
            vf p[U], b[U];
            extexp_biased_u(x + i, p, b, coef);
            for (int j = 0; j < U; j++) top = V(max_epi32)(top, as_vi(b[j]));
            for (int j = 0; j < U; j++) accv[j] = V(fmadd_ps)(p[j], pow2_biased(b[j], c), accv[j]);
        }
        float top_b = hmax_bits(top);
        if (!(top_b - ref_b <= GROWTH_LIMIT)) {   /* 2^(n − E_ref) could overflow the lane sums: redo from the block's max */
            ref_b = 0;
            i = block_start;
            continue;
        }
        for (int j = 1; j < U; j++) accv[0] = V(add_ps)(accv[0], accv[j]);
        double v = hsum_d(widen_add(vd_zero(), accv[0]));
        if (!(v < INFINITY)) return -1;
        if (v > 0) {
            ext_t block = {v, (double)ref_b - ROUND_MAGIC};
            total = ext_add(total, block);
        }
        if (top_b > ref_b) {   /* the exponent grew: the next blocks use the new one */
            ref_b = top_b;
            if (needs_exact_path((double)ref_b - ROUND_MAGIC)) return -1;
        }
    }
    for (; i < n; i++) {
        float b = fmaf(x[i], LOG2E, ROUND_MAGIC);
        if (!(b > 0)) continue;   /* a mask or a logit below −8.7e6 */
        double e = (double)b - ROUND_MAGIC;
        if (needs_exact_path(e)) return -1;
        ext_t term = {mantissa_biased(x[i], b), e};
        total = ext_add(total, term);
    }
    if (total.v == 0) return -1;
    *out = total;
    return 0;
}

/* y = p·(1/V)·2^(n − E), 1/V folded into the polynomial; outputs below 2^-126 flush to 0 */
static void twopass_write_fast(const float *x, float *y, size_t n, ext_t sum) {
    const float inv = (float)(1.0 / sum.v);
    const vf coef[6] = {V(set1_ps)(C5 * inv), V(set1_ps)(C4 * inv), V(set1_ps)(C3 * inv),
                            V(set1_ps)(C2 * inv), V(set1_ps)(C1 * inv), V(set1_ps)(inv)};
    const vf c = V(set1_ps)((float)(127.0 - sum.e));
    size_t i = 0;
    for (; i + STEP <= n; i += STEP) {
        vf p[U], b[U];
        extexp_biased_u(x + i, p, b, coef);
        for (int j = 0; j < U; j++) V(storeu_ps)(y + i + j * W, V(mul_ps)(p[j], pow2_biased(b[j], c)));
    }
    for (; i < n; i++) {
        float b = fmaf(x[i], LOG2E, ROUND_MAGIC);
        y[i] = b > 0 ? (float)ldexp(mantissa_biased(x[i], b) * (double)inv, (int)fmax((double)b - ROUND_MAGIC - sum.e, -2000)) : 0.f;
    }
}

static int softmax_twopass(const float *x, float *y, size_t n) {
    ext_t s;
    if (twopass_reduce_fast(x, n, &s) == 0) {
        twopass_write_fast(x, y, n, s);
        return 0;
    }
    s = twopass_reduce(x, n);   /* huge logits: the robust path */
    if (s.v == 0) return -1;
    twopass_write(x, y, n, s);
    return 0;
}

/* ---------------------------------------------------------------- driver ------------------- */

typedef int (*softmax_fn)(const float *, float *, size_t);
static const struct { const char *name; softmax_fn fn; } ALGOS[] = {
    {"three-pass-recompute", softmax_recompute},
    {"three-pass-reload", softmax_reload},
    {"two-pass", softmax_twopass},
    {"online", softmax_online},
};
#define N_ALGOS (sizeof ALGOS / sizeof ALGOS[0])

/* Max |y - ref|/ref against a double-precision softmax (compensated sum), over entries whose
 * reference is ≥ 2^-125; below that an output counts as wrong (1) only if off by > 2^-124. */
static double max_rel_error(const float *x, const float *y, size_t n) {
    double m = -INFINITY;
    for (size_t i = 0; i < n; i++) m = x[i] > m ? x[i] : m;
    double sum = 0, comp = 0;
    for (size_t i = 0; i < n; i++) {
        double term = exp((double)x[i] - m), t = sum + term;
        comp += fabs(sum) >= term ? (sum - t) + term : (term - t) + sum;
        sum = t;
    }
    sum += comp;
    double worst = 0;
    for (size_t i = 0; i < n; i++) {
        double ref = exp((double)x[i] - m) / sum, err = fabs(y[i] - ref);
        if (err != err) return NAN;
        if (ref >= 0x1p-125) worst = fmax(worst, err / ref);
        else if (err > 0x1p-124) worst = fmax(worst, 1);
    }
    return worst;
}

static uint64_t rng_state;
static uint64_t next_u64(void) {   /* SplitMix64 */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static double next_unit(void) { return (next_u64() >> 11) * 0x1p-53; }
static double next_gaussian(void) {   /* Box–Muller */
    double u = 1 - next_unit(), v = next_unit();
    return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

/* normal(0, 1) logits with three outliers ×20, as the Java benchmark and softmax-ref use */
static void normal_with_outliers(float *x, size_t n, uint64_t seed) {
    rng_state = seed;
    for (size_t i = 0; i < n; i++) x[i] = (float)next_gaussian();
    for (int k = 0; k < 3 && (size_t)k < n; k++) x[next_u64() % n] *= 20;
}

static float *alloc_floats(size_t n) {
    void *p = NULL;
    if (posix_memalign(&p, 64, (n ? n : 1) * sizeof(float))) { perror("alloc"); exit(1); }
    return p;
}

static int check_row(const float *x, size_t n, float *y, const char *row, double limit) {
    int failures = 0;
    for (size_t a = 0; a < N_ALGOS; a++) {
        for (size_t i = 0; i < n; i++) y[i] = NAN;
        int rc = ALGOS[a].fn(x, y, n);
        double err = rc ? NAN : max_rel_error(x, y, n);
        int ok = err <= limit;
        if (!ok) failures++;
        printf("%s %-20s n=%-6zu %-28s max_rel_err=%.3g\n", ok ? "  ok  " : "  FAIL", ALGOS[a].name, n, row, err);
    }
    return failures;
}

static int run_check(void) {
    const size_t sizes[] = {1, 3, 7, 15, 16, 17, 31, 32, 33, 64, 207, 1000, 1024, 1025, 4097, 16384, 65537, 1000003};
    const double limit = 1.5e-6;
    size_t max_n = 1000003;
    float *x = alloc_floats(max_n), *y = alloc_floats(max_n);
    int failures = 0;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        normal_with_outliers(x, n, 42 + n);
        failures += check_row(x, n, y, "normal+outliers", limit);
        normal_with_outliers(x, n, 7 + n);
        for (size_t i = 0; i < n; i++) x[i] *= 30;
        failures += check_row(x, n, y, "normal*30", limit);
        rng_state = 99 + n;
        for (size_t i = 0; i < n; i++) x[i] = (float)(2e4 * next_unit() - 1e4);
        failures += check_row(x, n, y, "uniform ±1e4", limit);
        normal_with_outliers(x, n, 5 + n);
        for (size_t i = 0; i < n; i += 3) x[i] = -INFINITY;
        if (n > 1) failures += check_row(x, n, y, "masked every 3rd", limit);
        normal_with_outliers(x, n, 3 + n);
        const float masks[] = {-1e9f, -1e30f, -3e38f, -INFINITY, -0x1p48f, -1e5f};
        for (size_t i = 0; i < n; i += 2) x[i] = masks[(i / 2) % 6];
        if (n > 1) failures += check_row(x, n, y, "finite masks (-1e9..-3e38)", limit);
        for (size_t i = 0; i < n; i++) x[i] = 3.25f;
        failures += check_row(x, n, y, "all equal", limit);
        normal_with_outliers(x, n, 11 + n);
        for (size_t i = 0; i < n; i++) x[i] += 300.f;   /* |max| ≥ 174: the r = max branch */
        failures += check_row(x, n, y, "normal+300", limit);
    }
    /* a running max that keeps growing (ramps) or jumps late (spikes): online's rescale-after and redo
     * paths, two-pass' moving reference exponent */
    const size_t ramp_sizes[] = {1000, 4097, 65537};
    const float slopes[] = {1e-4f, 0.01f, 0.3f, 3.f, -0.01f, -3.f};
    const float spikes[] = {30.f, 100.f, 1e3f, 1e6f};
    char row[64];
    for (size_t s = 0; s < 3; s++) {
        size_t n = ramp_sizes[s];
        for (size_t k = 0; k < sizeof slopes / sizeof slopes[0]; k++) {
            for (size_t i = 0; i < n; i++) x[i] = slopes[k] * (float)i;
            snprintf(row, sizeof row, "ramp slope %g", slopes[k]);
            failures += check_row(x, n, y, row, limit);
        }
        for (size_t k = 0; k < sizeof spikes / sizeof spikes[0]; k++) {
            normal_with_outliers(x, n, 13 + n);
            x[n - n / 5] = spikes[k];
            snprintf(row, sizeof row, "late spike %g", spikes[k]);
            failures += check_row(x, n, y, row, limit);
        }
    }
    /* huge logits: the two-pass point; the others handle them by their max */
    /* (not ±3e38: two-pass's x·log2 e overflows fp32 beyond |x| ≈ 2.36e38; the Java engine takes an exact path there) */
    float huge[] = {1e30f, -1e30f, 0.f, 1e30f, -INFINITY};
    failures += check_row(huge, 3, y, "±1e30", limit);
    failures += check_row(huge, 5, y, "±1e30, -inf", limit);
    for (size_t i = 0; i < 4096; i++) x[i] = (float)(i % 7) * 1e29f - 3e29f;
    failures += check_row(x, 4096, y, "±3e29 spread", limit);
    free(x);
    free(y);
    printf("%s: %d failure(s)\n", failures ? "FAIL" : "PASS", failures);
    return failures ? 1 : 0;
}

static double thread_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double wall_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int run_bench(const char *algo, size_t n, int reps) {
    softmax_fn fn = NULL;
    for (size_t a = 0; a < N_ALGOS; a++) if (!strcmp(algo, ALGOS[a].name)) fn = ALGOS[a].fn;
    if (!fn || n < 1 || reps < 1) { fprintf(stderr, "bench: unknown algorithm or bad N/REPS\n"); return 2; }
    float *x = alloc_floats(n), *y = alloc_floats(n);
    normal_with_outliers(x, n, 42);
    memset(y, 0, n * sizeof(float));
    fn(x, y, n);
    double err = max_rel_error(x, y, n);
    /* warm-up ≥ 0.2 s of thread time, then a sample is ≥ 2 ms of calls */
    double t0 = thread_ns(), one = 0;
    int calls = 0;
    while (calls < 3 || thread_ns() - t0 < 2e8) {
        double a = thread_ns();
        fn(x, y, n);
        one = thread_ns() - a;
        calls++;
    }
    int batch = one >= 2e6 ? 1 : (int)(2e6 / fmax(one, 1)) + 1;
    double *samples = malloc(reps * sizeof(double));
    for (int r = 0; r < reps; r++) {
        double a = thread_ns();
        for (int k = 0; k < batch; k++) fn(x, y, n);
        samples[r] = (thread_ns() - a) / batch / n;
    }
    double lo = samples[0];
    for (int r = 1; r < reps; r++) lo = fmin(lo, samples[r]);
    printf("%s,%zu,%.4f,%.4f,%.3g\n", algo, n, median(samples, reps), lo, err);
    free(samples);
    free(x);
    free(y);
    return 0;
}

/* STREAM-like kernels, AVX2, several accumulators for the read; one thread timed with thread CPU
 * time, several with the wall clock (OpenMP static split). Byte counts: STREAM's (no write-allocate). */
static float stream_read(const float *a, size_t lo, size_t hi) {
    vf s[U];
    for (int j = 0; j < U; j++) s[j] = V(setzero_ps)();
    size_t i = lo;
    for (; i + STEP <= hi; i += STEP)
        for (int j = 0; j < U; j++) s[j] = V(add_ps)(s[j], V(load_ps)(a + i + j * W));
    for (int j = 1; j < U; j++) s[0] = V(add_ps)(s[0], s[j]);
    vf v = s[0];
    float f[W], r = 0;
    V(storeu_ps)(f, v);
    for (int l = 0; l < W; l++) r += f[l];
    for (; i < hi; i++) r += a[i];
    return r;
}

static int run_stream(int threads, size_t n, int reps) {
    if (threads < 1 || n < STEP || reps < 1) { fprintf(stderr, "stream: bad THREADS/N/REPS\n"); return 2; }
    n -= n % (STEP * (size_t)threads);
    omp_set_num_threads(threads);
    float *a = alloc_floats(n), *b = alloc_floats(n), *c = alloc_floats(n);
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < n; i++) { a[i] = 1.f; b[i] = 2.f; c[i] = 0.5f; }
    const char *names[] = {"read", "write", "copy", "scale", "add", "triad"};
    const size_t bytes[] = {4, 4, 8, 8, 12, 12};
    double *gbps[6];
    for (int k = 0; k < 6; k++) gbps[k] = malloc(reps * sizeof(double));
    volatile float sink = 0;
    for (int r = -1; r < reps; r++) {   /* r = -1: warm-up */
        for (int k = 0; k < 6; k++) {
            double t0 = threads == 1 ? thread_ns() : wall_ns();
            float part = 0;
#pragma omp parallel for schedule(static) reduction(+ : part)
            for (int th = 0; th < threads; th++) {
                size_t lo = n / threads * th, hi = lo + n / threads, i;
                const vf q = V(set1_ps)(0.5f);
                switch (k) {
                case 0: part += stream_read(a, lo, hi); break;
                case 1: for (i = lo; i < hi; i += W) V(store_ps)(c + i, q); break;
                case 2: for (i = lo; i < hi; i += W) V(store_ps)(c + i, V(load_ps)(a + i)); break;
                case 3: for (i = lo; i < hi; i += W) V(store_ps)(b + i, V(mul_ps)(q, V(load_ps)(c + i))); break;
                case 4: for (i = lo; i < hi; i += W) V(store_ps)(c + i, V(add_ps)(V(load_ps)(a + i), V(load_ps)(b + i))); break;
                default: for (i = lo; i < hi; i += W)
                        V(store_ps)(a + i, V(fmadd_ps)(q, V(load_ps)(c + i), V(load_ps)(b + i)));
                }
            }
            double dt = (threads == 1 ? thread_ns() : wall_ns()) - t0;
            sink += part;
            if (r >= 0) gbps[k][r] = bytes[k] * (double)n / dt;
        }
    }
    for (int k = 0; k < 6; k++) {
        double best = gbps[k][0];
        for (int r = 1; r < reps; r++) best = fmax(best, gbps[k][r]);
        printf("stream,threads=%d,n=%zu,bytes=%zu,%s,median_GBps=%.2f,max_GBps=%.2f\n",
               threads, n, bytes[k] * n, names[k], median(gbps[k], reps), best);
        free(gbps[k]);
    }
    free(a);
    free(b);
    free(c);
    return 0;
}

/* ns/element of each pass alone at N (thread CPU time, median of REPS samples of ≥ 2 ms): where the time goes */
static int run_passes(size_t n, int reps) {
    float *x = alloc_floats(n), *y = alloc_floats(n);
    normal_with_outliers(x, n, 42);
    memset(y, 0, n * sizeof(float));
    float m = pass_max(x, n);
    shift_t sh = shift_of(m);
    const char *names[] = {"max", "sum-exp", "store-exp-sum", "write-exp", "scale", "twopass-reduce", "twopass-write"};
    volatile double sink = 0;
    for (int k = 0; k < 7; k++) {
        double *samples = malloc(reps * sizeof(double));
        int batch = (int)(2e6 / (0.3 * n)) + 1;
        for (int r = -2; r < reps; r++) {
            double a = thread_ns();
            for (int q = 0; q < batch; q++) {
                switch (k) {
                case 0: sink += pass_max(x, n); break;
                case 1: sink += pass_sum(x, n, &sh); break;
                case 2: sink += pass_store_sum(x, y, n, &sh); break;
                case 3: pass_write_exp(x, y, n, &sh, 0.5f); break;
                case 4: pass_scale(y, n, 0.999f); break;
                case 5: { ext_t e; sink += twopass_reduce_fast(x, n, &e); break; }
                default: { ext_t e = {1.0, 100}; twopass_write_fast(x, y, n, e); }
                }
            }
            if (r >= 0) samples[r] = (thread_ns() - a) / batch / n;
        }
        printf("pass,%s,%zu,%.4f\n", names[k], n, median(samples, reps));
        free(samples);
    }
    free(x);
    free(y);
    return 0;
}

#ifdef SOFTMAX_SHARED
/* Built as a shared library (benchmarks/paired.sh: gcc -DSOFTMAX_SHARED -fPIC -shared) for
 * lab.softmax.benchmarks.PairedWithC, which calls these through the FFM API on Java's own arrays. */

/* Index of the algorithm called NAME (as in `bench`), or -1. */
int softmax_c_find(const char *name) {
    for (size_t a = 0; a < N_ALGOS; a++) if (!strcmp(name, ALGOS[a].name)) return (int) a;
    return -1;
}

/* The vector ISA this library was compiled for ("AVX-512" or "AVX2"). */
const char *softmax_c_isa(void) { return SOFTMAX_ISA; }

/* 1 if this CPU runs that ISA (the library is built per host with -march=native; a copy moved to another host may not). */
int softmax_c_supported(void) { return __builtin_cpu_supports(SOFTMAX_CPU_FEATURE); }

/* y = softmax(x) over n floats with algorithm ALGO (from softmax_c_find); 0 on success. */
int softmax_c_run(int algo, const float *x, float *y, long n) {
    if (algo < 0 || (size_t) algo >= N_ALGOS || n < 0) return -2;
    return ALGOS[algo].fn(x, y, (size_t) n);
}
#else
int main(int argc, char **argv) {
    if (!__builtin_cpu_supports(SOFTMAX_CPU_FEATURE)) {
        fprintf(stderr, "%s: built for %s, which this CPU lacks: rebuild on this host (gcc -march=native)\n", argv[0], SOFTMAX_ISA);
        return 2;
    }
    if (argc == 2 && !strcmp(argv[1], "isa")) return puts(SOFTMAX_ISA) < 0;
    if (argc == 4 && !strcmp(argv[1], "passes")) return run_passes(strtoull(argv[2], NULL, 10), atoi(argv[3]));
    if (argc == 2 && !strcmp(argv[1], "check")) return run_check();
    if (argc == 5 && !strcmp(argv[1], "bench")) return run_bench(argv[2], strtoull(argv[3], NULL, 10), atoi(argv[4]));
    if (argc == 5 && !strcmp(argv[1], "stream")) return run_stream(atoi(argv[2]), strtoull(argv[3], NULL, 10), atoi(argv[4]));
    fprintf(stderr, "usage: %s isa | check | bench ALGO N REPS | stream THREADS N REPS | passes N REPS\n", argv[0]);
    return 2;
}
#endif
