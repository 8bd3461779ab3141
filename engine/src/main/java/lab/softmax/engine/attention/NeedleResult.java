package lab.softmax.engine.attention;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The output of {@code attention train --task needle}: {"mode","learned":{...},"eval":[...]}. */
public record NeedleResult(@JsonProperty("mode") NeedleMode mode,
                           @JsonProperty("learned") NeedleLearned learned,
                           @JsonProperty("eval") List<NeedleEval> eval) {
    public NeedleResult {
        eval = List.copyOf(eval);
    }

    /** The evaluation at length n, or null. */
    public NeedleEval at(int n) {
        for (NeedleEval e : eval) {
            if (e.n() == n) return e;
        }
        return null;
    }
}
