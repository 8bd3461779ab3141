package lab.softmax.engine.kernels;

/**
 * One kernel at one size. Times are per element (median over rounds, with the fastest and slowest
 * round for the spread); {@code gbps} counts the algorithm's minimum bytes
 * (16, 20, 12, 12 per fp32 element: {@link Algorithm}).
 * {@code valid} is false when the fp64 check failed, and then nothing was timed (times are NaN).
 *
 * @param vectorBits width of the vectors the kernel used (0 for scalar)
 * @param note       "" or a warning such as "not intrinsified" (a vector kernel slower than scalar)
 */
public record BenchResult(Algorithm algorithm, Impl impl, int n, int threads, double nsPerElement,
                          double nsMin, double nsMax, double gbps, double maxRelError, int rounds,
                          int vectorBits, boolean valid, String note) {
    /** Bytes per element at minimum for this algorithm (fp32). */
    public int bytesPerElement() { return algorithm.minBytesPerElement(4); }

    /** Time per element the memory system allows at {@code gbps} for this algorithm's bytes. */
    public double floorNsPerElement(double bandwidthGbps) { return bytesPerElement() / bandwidthGbps; }

    BenchResult withNote(String text) {
        return new BenchResult(algorithm, impl, n, threads, nsPerElement, nsMin, nsMax, gbps, maxRelError, rounds,
                vectorBits, valid, text);
    }
}
