/**
 * The Kernels lab: softmax as a memory-bound fp32 kernel (docs/labs/kernels.md; M. Dukhan and
 * A. Ablavatski, "The Two-Pass Softmax Algorithm", arXiv 2001.04438, 2020; M. Milakov and
 * N. Gimelshein, "Online normalizer calculation for softmax", arXiv 1805.02867, 2018).
 *
 * <ul>
 * <li>{@link lab.softmax.engine.kernels.SoftmaxKernel} — one interface for the four
 *     {@link lab.softmax.engine.kernels.Algorithm}s, each as a scalar reference (plain loops,
 *     {@code Math.exp} from the exact difference, sums in double) and a Vector API kernel
 *     ({@code FloatVector.SPECIES_PREFERRED}, magic-bias exp with a degree-5 polynomial). Obtain them
 *     from {@link lab.softmax.engine.kernels.Kernels}; without {@code --add-modules jdk.incubator.vector}
 *     (or with {@code -Dsoftmaxlab.kernels.scalar=true}) every kernel is scalar, after one warning.</li>
 * <li>Accuracy (max relative error vs fp64 ≈ 3e-7 for the vector kernels, 1.4e-7 scalar): x − max is
 *     never rounded to fp32 (see {@link lab.softmax.engine.kernels.ExpShift}); lane sums are folded into a
 *     double every 1024 elements; outputs below about 2^-126 are flushed to 0 (relative error is measured only
 *     where the reference is ≥ 2^-125, {@link lab.softmax.engine.kernels.Fp64Reference}).</li>
 * <li>Masked logits (−∞) give exactly 0 in every kernel; the vector exps treat every x − r ≤ −2^48 (two-pass: x ≤ −2^48)
 *     like a mask, and two-pass's scalar path treats finite logits below −2^127 as −2^127.</li>
 * <li>{@link lab.softmax.engine.kernels.RowSoftmax} — the same kernels one row at a time with no allocation per row
 *     (the row's state lives in the object, one per thread): for callers of many short rows, such as attention.</li>
 * <li>{@link lab.softmax.engine.kernels.ParallelSoftmax} splits one row over an executor it is given and
 *     combines the partial {@link lab.softmax.engine.kernels.MaxSum} / {@link lab.softmax.engine.kernels.ExtendedSum}
 *     exactly (up to one rounding of the sum).</li>
 * <li>{@link lab.softmax.engine.kernels.KernelBench} (validate, warm up, time round-robin, medians),
 *     {@link lab.softmax.engine.kernels.BandwidthProbe} (read/copy/triad), {@link lab.softmax.engine.kernels.StepTrace}
 *     (the step-through), {@link lab.softmax.engine.kernels.EmulatedSoftmax} (fp64/fp16/bf16 step by step).</li>
 * </ul>
 * Measured numbers and the commands that produce them: {@code benchmarks/README.md}.
 */
package lab.softmax.engine.kernels;
