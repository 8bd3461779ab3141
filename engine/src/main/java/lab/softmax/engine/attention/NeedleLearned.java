package lab.softmax.engine.attention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a needle model learned: β and s = e^{−e^β} (SSA only; null for vanilla), ‖u‖ and ‖W‖_F. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedleLearned(@JsonProperty("beta") Double beta,
                            @JsonProperty("s") Double s,
                            @JsonProperty("u_norm") double uNorm,
                            @JsonProperty("w_frobenius") double wFrobenius) {
    static NeedleLearned of(NeedleModel m) {
        boolean ssa = m.mode() == NeedleMode.SSA;
        return new NeedleLearned(ssa ? m.beta().value()[0] : null, ssa ? m.slope() : null, m.tokenNorm(), m.weightNorm());
    }
}
