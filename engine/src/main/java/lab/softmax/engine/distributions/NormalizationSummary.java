package lab.softmax.engine.distributions;

import lab.softmax.engine.task.Cancellation;

/**
 * The read-outs of one result, computed once (each is a pass over the vector, which for 10^7
 * entries is worth doing off the UI thread and only once).
 */
public record NormalizationSummary(NormalizerKind kind, int topK, double entropyNats, double topKMass,
                                   double logSumExp, double total, double maxRelativeError,
                                   double denominator, boolean sumRoundedToOne, int underflowCount,
                                   int overflowCount, int absorbedCount, int nanCount, int exactZeroCount) {

    public static NormalizationSummary of(NormalizationResult r, int topK) {
        return of(r, topK, Cancellation.none());
    }

    /** As above; cancelled, it throws {@link lab.softmax.engine.task.CancelledException} within one of its passes. */
    public static NormalizationSummary of(NormalizationResult r, int topK, Cancellation c) {
        return new NormalizationSummary(r.kind(), topK, r.entropyNats(c), r.topKMass(topK, c), r.logSumExp(), r.total(c),
                r.maxRelativeError(c), r.denominator(), r.sumRoundedToOne(), r.underflowCount(c), r.overflowCount(),
                r.absorbedCount(), r.nanCount(c), r.exactZeroCount(c));
    }
}
