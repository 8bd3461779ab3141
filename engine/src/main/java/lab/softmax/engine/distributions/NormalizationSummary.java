package lab.softmax.engine.distributions;

/**
 * The read-outs of one result, computed once (each is a pass over the vector, which for 10^7
 * entries is worth doing off the UI thread and only once).
 */
public record NormalizationSummary(NormalizerKind kind, int topK, double entropyNats, double topKMass,
                                   double logSumExp, double total, double maxRelativeError,
                                   double denominator, boolean sumRoundedToOne, int underflowCount,
                                   int overflowCount, int absorbedCount, int nanCount, int exactZeroCount) {

    public static NormalizationSummary of(NormalizationResult r, int topK) {
        return new NormalizationSummary(r.kind(), topK, r.entropyNats(), r.topKMass(topK), r.logSumExp(), r.total(),
                r.maxRelativeError(), r.denominator(), r.sumRoundedToOne(), r.underflowCount(), r.overflowCount(),
                r.absorbedCount(), r.nanCount(), r.exactZeroCount());
    }
}
