package lab.softmax.engine.numeric;

/**
 * Elementary operations in an emulated precision: each result is computed in double and rounded
 * once. For + - * / and sqrt of values already in fp32/fp16/bf16 this is the correctly rounded
 * result (double has more than 2p+2 bits); exp and log are rounded from the double result.
 */
public record Arithmetic(Precision precision) {

    public double of(double x) { return precision.round(x); }

    public double add(double a, double b) { return precision.round(a + b); }

    public double sub(double a, double b) { return precision.round(a - b); }

    public double mul(double a, double b) { return precision.round(a * b); }

    public double div(double a, double b) { return precision.round(a / b); }

    public double sqrt(double a) { return precision.round(Math.sqrt(a)); }

    public double exp(double a) { return precision.round(Math.exp(a)); }

    public double log(double a) { return precision.round(Math.log(a)); }

    public double log1p(double a) { return precision.round(Math.log1p(a)); }
}
