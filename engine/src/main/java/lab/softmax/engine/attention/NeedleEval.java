package lab.softmax.engine.attention;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Evaluation at one context length n over fresh examples.
 *
 * @param needleWeight     mean attention mass a_t on the needle
 * @param needleAboveHalf  fraction of examples with a_t > 0.5
 * @param entropyOverLogN  mean H/ln n (0 one-hot, 1 uniform)
 * @param mse              mean ‖ŷ − y‖²/d_v
 * @param valueAccuracy    fraction where the context value nearest to ŷ is v_t
 * @param meanTau          mean query temperature τ (1 for vanilla)
 */
public record NeedleEval(@JsonProperty("n") int n,
                         @JsonProperty("needle_weight") double needleWeight,
                         @JsonProperty("needle_above_half") double needleAboveHalf,
                         @JsonProperty("entropy_over_log_n") double entropyOverLogN,
                         @JsonProperty("mse") double mse,
                         @JsonProperty("value_accuracy") double valueAccuracy,
                         @JsonProperty("mean_tau") double meanTau) { }
