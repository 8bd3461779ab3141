package lab.softmax.engine.ghosts.training;

import lab.softmax.engine.numeric.SplitMix64;

/**
 * The step-safety experiment's random numbers, exactly as specified so runs are portable:
 * SplitMix64 outputs, uniforms on (0, 1] as ((x >>> 11) + 1)·2^-53, normals by Box–Muller using the
 * cosine branch only (two uniforms per normal), indices as the unsigned output mod n.
 */
public final class PaperRandom {
    private final SplitMix64 bits;

    public PaperRandom(long seed) { this.bits = new SplitMix64(seed); }

    public long nextBits() { return bits.nextLong(); }

    /** Uniform on (0, 1]: never 0, so log(u) is finite. */
    public double uniform() { return ((bits.nextLong() >>> 11) + 1) * 0x1.0p-53; }

    public double normal() {
        double u1 = uniform();
        double u2 = uniform();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** next_u64() mod n, unsigned. */
    public int index(int n) { return (int) Long.remainderUnsigned(bits.nextLong(), n); }
}
