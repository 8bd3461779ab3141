package lab.softmax.engine.kernels;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

/**
 * The four softmax algorithms of the Kernels lab, with the minimum memory traffic each needs
 * (fp32, STREAM convention: no write-allocate; docs/labs/kernels.md tabulates them).
 */
public enum Algorithm {
    /** max pass, sum-of-exp pass, output pass recomputing exp: reads 3N, writes N. */
    THREE_PASS_RECOMPUTE("three-pass-recompute", "Three-pass (recompute)", 3, 3, 1, 2, true),
    /** max pass, store-exp-and-sum pass, scale pass: reads 3N, writes 2N, one exp per element. */
    THREE_PASS_RELOAD("three-pass-reload", "Three-pass (reload)", 3, 3, 2, 1, true),
    /** Dukhan & Ablavatski: sum of extended (mantissa, exponent) exps, no max pass: reads 2N, writes N. */
    TWO_PASS("two-pass", "Two-pass (Dukhan & Ablavatski)", 2, 2, 1, 2, false),
    /** Milakov & Gimelshein: running (max, sum), then the output pass: reads 2N, writes N. */
    ONLINE("online", "Online (Milakov & Gimelshein)", 2, 2, 1, 2, false);

    private final String id;
    private final String label;
    private final int passes;
    private final int reads;
    private final int writes;
    private final int expsPerElement;
    private final boolean maxPass;

    Algorithm(String id, String label, int passes, int reads, int writes, int expsPerElement, boolean maxPass) {
        this.id = id;
        this.label = label;
        this.passes = passes;
        this.reads = reads;
        this.writes = writes;
        this.expsPerElement = expsPerElement;
        this.maxPass = maxPass;
    }

    @JsonValue
    public String id() { return id; }

    public String label() { return label; }

    public int passes() { return passes; }

    /** Streams of N elements read (reads) and written (writes) at minimum. */
    public int reads() { return reads; }

    public int writes() { return writes; }

    public int expsPerElement() { return expsPerElement; }

    /** True for the three-pass algorithms, whose sum pass needs the row's maximum first. */
    public boolean hasMaxPass() { return maxPass; }

    /** Minimum bytes moved per element for elements of {@code elementBytes} (4 for fp32). */
    public int minBytesPerElement(int elementBytes) { return (reads + writes) * elementBytes; }

    @JsonCreator
    public static Algorithm parse(String name) { return EnumIds.parse(values(), Algorithm::id, name, "algorithm"); }

    @Override
    public String toString() { return id; }
}
