package lab.softmax.app.cli;

import lab.softmax.engine.io.InputException;
import picocli.CommandLine.Option;

/** {@code --temperature T}: logits are divided by T before they are normalised. */
public final class TemperatureOption {
    @Option(names = "--temperature", defaultValue = "1", paramLabel = "T",
            description = "T > 0; logits are divided by T first (default: ${DEFAULT-VALUE})")
    double temperature;

    /** The temperature; zero, negative, infinite or NaN is bad input naming the option. */
    public double value() {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException("", "--temperature", "temperature must be a finite number > 0, got " + temperature);
        }
        return temperature;
    }
}
