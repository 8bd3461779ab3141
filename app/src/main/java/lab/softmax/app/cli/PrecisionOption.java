package lab.softmax.app.cli;

import lab.softmax.engine.numeric.Precision;
import picocli.CommandLine.Option;

/** {@code --precision fp64|fp32|fp16|bf16}, shared by the commands that compute in an emulated precision. */
public final class PrecisionOption {
    @Option(names = "--precision", paramLabel = "P",
            description = "fp64, fp32, fp16 or bf16: every arithmetic result rounded to it (default: ${DEFAULT-VALUE})")
    String precision;

    /** @param defaultPrecision what the command uses when the option is left out (shown in its help) */
    public PrecisionOption(Precision defaultPrecision) { precision = defaultPrecision.id(); }

    /** The chosen precision; an unknown name is bad input naming the option. */
    public Precision value() { return Options.parse(() -> Precision.parse(precision), "--precision"); }
}
