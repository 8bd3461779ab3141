package lab.softmax.engine.numeric;

/** An immutable complex number in double precision; just the operations the labs need. */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);

    public static Complex polar(double modulus, double argument) {
        return new Complex(modulus * Math.cos(argument), modulus * Math.sin(argument));
    }

    public Complex plus(Complex o) { return new Complex(re + o.re, im + o.im); }

    public Complex minus(Complex o) { return new Complex(re - o.re, im - o.im); }

    public Complex times(Complex o) { return new Complex(re * o.re - im * o.im, re * o.im + im * o.re); }

    public Complex times(double s) { return new Complex(re * s, im * s); }

    /** Smith's algorithm: no overflow for large components. */
    public Complex divide(Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double r = o.im / o.re;
            double d = o.re + o.im * r;
            return new Complex((re + im * r) / d, (im - re * r) / d);
        }
        double r = o.re / o.im;
        double d = o.re * r + o.im;
        return new Complex((re * r + im) / d, (im * r - re) / d);
    }

    public Complex conjugate() { return new Complex(re, -im); }

    public double abs() { return Math.hypot(re, im); }

    public double arg() { return Math.atan2(im, re); }

    /** Principal square root. */
    public Complex sqrt() {
        double m = abs();
        if (m == 0) return ZERO;
        double r = Math.sqrt(0.5 * (m + Math.abs(re)));
        return re >= 0 ? new Complex(r, im / (2 * r)) : new Complex(Math.abs(im) / (2 * r), Math.copySign(r, im));
    }

    /** Principal logarithm. */
    public Complex log() { return new Complex(Math.log(abs()), arg()); }

    public Complex exp() { return polar(Math.exp(re), im); }

    public boolean isFinite() { return Double.isFinite(re) && Double.isFinite(im); }

    @Override
    public String toString() { return re + (im < 0 || (im == 0 && 1 / im < 0) ? " - " : " + ") + Math.abs(im) + "i"; }
}
