package lab.softmax.engine.collapse;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The metrics of one logged epoch, all measured at the parameters after `epoch` optimiser steps
 * (the field names are those of the `train grokking` JSON lines).
 *
 * @param scFraction       fraction of training samples whose sum_j exp(z_j - max) is exactly 1 in
 *                         the loss precision (softmax formula, also shown for StableMax runs)
 * @param zeroLossFraction fraction of training samples whose loss, in the run's own loss, is exactly 0
 * @param nlmCosine        cos(-grad L, theta) over all parameters, raw gradient (before ⊥Grad)
 * @param meanTop2Gap      mean over training samples of (largest - second largest logit)
 */
public record EpochMetrics(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("train_loss") double trainLoss,
        @JsonProperty("train_acc") double trainAcc,
        @JsonProperty("test_loss") double testLoss,
        @JsonProperty("test_acc") double testAcc,
        @JsonProperty("sc_fraction") double scFraction,
        @JsonProperty("zero_loss_fraction") double zeroLossFraction,
        @JsonProperty("mean_abs_logit") double meanAbsLogit,
        @JsonProperty("mean_top2_gap") double meanTop2Gap,
        @JsonProperty("weight_norm") double weightNorm,
        @JsonProperty("nlm_cosine") double nlmCosine,
        @JsonProperty("elapsed_s") double elapsedS) { }
