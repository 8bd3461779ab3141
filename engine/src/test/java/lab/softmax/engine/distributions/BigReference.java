package lab.softmax.engine.distributions;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Independent high-precision references for the normalisers: BigDecimal with 45 significant
 * digits (50 inside the series; float64 needs 17), own exp/log1p series, bisection for entmax.
 * Shares no code with the engine; -Infinity inputs are masked entries (probability exactly 0).
 */
public final class BigReference {
    static final MathContext MC = new MathContext(45, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal SMALL = new BigDecimal("0.01");

    private BigReference() { }

    /** z/T exactly (to 45 digits); null marks a masked entry. */
    static BigDecimal[] scaled(double[] z, double temperature) {
        BigDecimal t = new BigDecimal(temperature);
        BigDecimal[] x = new BigDecimal[z.length];
        for (int i = 0; i < z.length; i++) {
            x[i] = z[i] == Double.NEGATIVE_INFINITY ? null : new BigDecimal(z[i]).divide(t, MC);
        }
        return x;
    }

    private static final MathContext WIDE = new MathContext(50, RoundingMode.HALF_EVEN);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** 1/k to 60 digits, so the series multiplies instead of dividing. */
    private static final BigDecimal[] INVERSE = new BigDecimal[160];

    static {
        for (int k = 1; k < INVERSE.length; k++) INVERSE[k] = BigDecimal.ONE.divide(BigDecimal.valueOf(k), WIDE);
    }

    /** e^(j/64), j = 0..63, and e^k for integers k, filled on first use. */
    private static final BigDecimal[] EXP_GRID = new BigDecimal[64];
    private static final java.util.Map<Long, BigDecimal> EXP_INTEGER = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * e^x = e^k * e^(j/64) * e^r with k integer, 0 <= j < 64, |r| <= 1/128: the tables are
     * computed once by the plain series (with halving and squaring), e^r by a short Taylor series.
     */
    static BigDecimal exp(BigDecimal x) {
        BigDecimal scaled = x.multiply(BigDecimal.valueOf(64));
        long q = scaled.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        BigDecimal r = scaled.subtract(BigDecimal.valueOf(q)).divide(BigDecimal.valueOf(64), WIDE);
        long k = Math.floorDiv(q, 64);
        int j = (int) Math.floorMod(q, 64);
        BigDecimal integerPart = EXP_INTEGER.computeIfAbsent(k, BigReference::expInteger);
        return integerPart.multiply(expGrid(j), WIDE).multiply(taylor(r), WIDE).round(MC);
    }

    private static BigDecimal expInteger(long k) {
        BigDecimal e = expByHalving(BigDecimal.ONE);
        BigDecimal power = e.pow((int) Math.abs(k), WIDE);
        return k >= 0 ? power : BigDecimal.ONE.divide(power, WIDE);
    }

    private static synchronized BigDecimal expGrid(int j) {
        if (EXP_GRID[j] == null) EXP_GRID[j] = expByHalving(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(64)));
        return EXP_GRID[j];
    }

    /** e^x as e^(x/2^s) by Taylor series with |x/2^s| <= 0.01 (halving is exact), squared s times. */
    private static BigDecimal expByHalving(BigDecimal x) {
        int halvings = 0;
        BigDecimal r = x.round(WIDE);
        while (r.abs().compareTo(SMALL) > 0) {
            r = r.multiply(HALF);
            halvings++;
        }
        BigDecimal sum = taylor(r);
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, WIDE);
        }
        return sum;
    }

    private static final int FRACTION_BITS = 200;
    private static final BigInteger FIXED_ONE = BigInteger.ONE.shiftLeft(FRACTION_BITS);
    private static final BigDecimal FIXED_SCALE = new BigDecimal(FIXED_ONE);
    /** 2^-200, exactly (a terminating decimal). */
    private static final BigDecimal FIXED_UNIT = BigDecimal.ONE.divide(FIXED_SCALE);

    /**
     * 1 + r + r^2/2! + ... for |r| <= 0.01, in binary fixed point with 200 fraction bits
     * (resolution 6e-61, far finer than the 45 digits kept; BigInteger is much faster here).
     */
    private static BigDecimal taylor(BigDecimal r) {
        BigInteger rf = r.multiply(FIXED_SCALE).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        BigInteger term = FIXED_ONE;
        BigInteger sum = FIXED_ONE;
        for (int k = 1; k < 64; k++) {
            term = term.multiply(rf).shiftRight(FRACTION_BITS).divide(BigInteger.valueOf(k));
            if (term.signum() == 0) break;
            sum = sum.add(term);
        }
        return new BigDecimal(sum).multiply(FIXED_UNIT, WIDE);
    }

    /** log(c_j) for c_j = 1 + j/64, j = 0..64, filled on first use. */
    private static final BigDecimal[] LOG_GRID = new BigDecimal[65];

    /**
     * log(1 + u) for 0 <= u <= 1: with c = 1 + j/64 just below 1 + u, log(1 + u) = log(c) +
     * 2 atanh(w), w = (r - 1)/(r + 1) <= 1/129 for r = (1 + u)/c, so the series is short.
     */
    static BigDecimal log1p(BigDecimal u) {
        BigDecimal v = BigDecimal.ONE.add(u);
        int j = Math.max(0, Math.min(64, (int) Math.floor(u.doubleValue() * 64)));
        BigDecimal c = BigDecimal.ONE.add(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(64)));
        if (c.compareTo(v) > 0) {
            j--;
            c = BigDecimal.ONE.add(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(64)));
        }
        // r - 1 = (u - j/64) / c, formed from u itself: 1 + u rounded would lose a tiny u entirely.
        BigDecimal rMinusOne = u.subtract(c.subtract(BigDecimal.ONE)).divide(c, WIDE);
        BigDecimal logR = twoAtanh(rMinusOne.divide(rMinusOne.add(TWO), WIDE));
        return logGrid(j).add(logR, WIDE).round(MC);
    }

    private static synchronized BigDecimal logGrid(int j) {
        if (LOG_GRID[j] == null) {
            BigDecimal c = BigDecimal.ONE.add(BigDecimal.valueOf(j).divide(BigDecimal.valueOf(64)));
            LOG_GRID[j] = twoAtanh(c.subtract(BigDecimal.ONE).divide(c.add(BigDecimal.ONE), WIDE));
        }
        return LOG_GRID[j];
    }

    /** 2 atanh(w) = 2 (w + w^3/3 + w^5/5 + ...) for 0 <= w <= 1/3. */
    private static BigDecimal twoAtanh(BigDecimal w) {
        BigDecimal w2 = w.multiply(w, WIDE);
        BigDecimal power = w;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; 2 * k + 1 < INVERSE.length; k++) {
            BigDecimal term = power.multiply(INVERSE[2 * k + 1], WIDE);
            sum = sum.add(term, WIDE);
            if (term.signum() == 0 || term.compareTo(sum.movePointLeft(52)) < 0) break;
            power = power.multiply(w2, WIDE);
        }
        return sum.multiply(TWO, WIDE);
    }

    /** log(v) for v >= 1: k log 2 + log1p(v / 2^k - 1) with v / 2^k in [1, 2). */
    static BigDecimal log(BigDecimal v) {
        int k = 0;
        BigDecimal r = v;
        while (r.compareTo(TWO) >= 0) {
            r = r.divide(TWO, MC);
            k++;
        }
        return log1p(BigDecimal.ONE).multiply(BigDecimal.valueOf(k)).add(log1p(r.subtract(BigDecimal.ONE)), MC);
    }

    /** m + log sum exp(x - m) over the unmasked x = z/T (kept from the softmax reference when it was computed). */
    public static double logSumExp(double[] z, double temperature) {
        Double known = LOG_SUM_EXP.get(new Key(NormalizerKind.SOFTMAX, temperature, z));
        if (known != null) return known;
        BigDecimal[] x = scaled(z, temperature);
        BigDecimal m = max(x);
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : x) {
            if (v != null) s = s.add(expBelowMax(v.subtract(m, MC)), MC);
        }
        return m.add(log(s), MC).doubleValue();
    }

    /**
     * e^d for d = x - max <= 0, in a sum that contains e^0 = 1: terms below e^-1000 change that
     * sum by less than 1e-430 relative, far below the 45 digits kept, and are taken as 0 (they
     * are also far below float64's smallest subnormal, e^-745).
     */
    private static BigDecimal expBelowMax(BigDecimal d) {
        return d.compareTo(BigDecimal.valueOf(-1000)) < 0 ? BigDecimal.ZERO : exp(d);
    }

    static BigDecimal max(BigDecimal[] x) {
        BigDecimal m = null;
        for (BigDecimal v : x) {
            if (v != null && (m == null || v.compareTo(m) > 0)) m = v;
        }
        return m;
    }

    static double[] normalise(BigDecimal[] weights) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : weights) total = total.add(w, MC);
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i].signum() == 0 ? 0.0 : weights[i].divide(total, MC).doubleValue();
        }
        return p;
    }

    public static double[] softmax(double[] z, double temperature) {
        BigDecimal[] x = scaled(z, temperature);
        BigDecimal m = max(x);
        BigDecimal[] w = new BigDecimal[x.length];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            w[i] = x[i] == null ? BigDecimal.ZERO : expBelowMax(x[i].subtract(m, MC));
            total = total.add(w[i], MC);
        }
        LOG_SUM_EXP.put(new Key(NormalizerKind.SOFTMAX, temperature, z.clone()), m.add(log(total), MC).doubleValue());
        return normalise(w);
    }

    static double[] stablemax(double[] z, double temperature) {
        BigDecimal[] x = scaled(z, temperature);
        BigDecimal[] w = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                w[i] = BigDecimal.ZERO;
            } else if (x[i].signum() >= 0) {
                w[i] = x[i].add(BigDecimal.ONE);
            } else {
                w[i] = BigDecimal.ONE.divide(BigDecimal.ONE.subtract(x[i]), MC);
            }
        }
        return normalise(w);
    }

    static double[] softplus(double[] z, double temperature) {
        BigDecimal[] x = scaled(z, temperature);
        BigDecimal[] w = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null) {
                w[i] = BigDecimal.ZERO;
            } else if (x[i].signum() > 0) {
                w[i] = x[i].add(log1p(exp(x[i].negate())), MC);
            } else {
                w[i] = log1p(exp(x[i]));
            }
        }
        return normalise(w);
    }

    /** Simplex projection, by the definition: the k* and tau of the sorted values, exactly. */
    static double[] sparsemax(double[] z, double temperature) {
        BigDecimal[] x = scaled(z, temperature);
        BigDecimal[] sorted = Arrays.stream(x).filter(v -> v != null)
                .sorted((a, b) -> b.compareTo(a)).toArray(BigDecimal[]::new);
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal support = BigDecimal.ZERO;
        int k = 0;
        for (int j = 0; j < sorted.length; j++) {
            cumulative = cumulative.add(sorted[j]);
            BigDecimal lhs = BigDecimal.ONE.add(sorted[j].multiply(BigDecimal.valueOf(j + 1)));
            if (lhs.compareTo(cumulative) > 0) {
                k = j + 1;
                support = cumulative;
            }
        }
        BigDecimal tau = support.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(k), MC);
        double[] p = new double[x.length];
        for (int i = 0; i < p.length; i++) {
            if (x[i] != null && x[i].compareTo(tau) > 0) p[i] = x[i].subtract(tau, MC).doubleValue();
        }
        return p;
    }

    /**
     * 1.5-entmax by bisection on tau: f(tau) = sum [x_i/2 - tau]_+^2 - 1 is decreasing, with
     * f(max/2 - 1) >= 0 >= f(max/2); bisected to a bracket narrower than 1e-30.
     */
    static double[] entmax15(double[] z, double temperature) {
        BigDecimal[] x = scaled(z, temperature);
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal[] y = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i] == null ? null : x[i].multiply(half);
        BigDecimal hi = max(y);
        BigDecimal lo = hi.subtract(BigDecimal.ONE);
        BigDecimal width = new BigDecimal("1e-30");
        while (hi.subtract(lo).compareTo(width) > 0) {
            BigDecimal mid = lo.add(hi).multiply(half);
            if (entmaxMass(y, mid).compareTo(BigDecimal.ONE) >= 0) lo = mid; else hi = mid;
        }
        BigDecimal tau = lo.add(hi).multiply(half);
        double[] p = new double[x.length];
        for (int i = 0; i < p.length; i++) {
            if (y[i] != null && y[i].compareTo(tau) > 0) {
                BigDecimal d = y[i].subtract(tau);
                p[i] = d.multiply(d, MC).doubleValue();
            }
        }
        return p;
    }

    private static BigDecimal entmaxMass(BigDecimal[] y, BigDecimal tau) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : y) {
            if (v != null && v.compareTo(tau) > 0) {
                BigDecimal d = v.subtract(tau, MC);
                s = s.add(d.multiply(d, MC), MC);
            }
        }
        return s;
    }

    private record Key(NormalizerKind kind, double temperature, double[] z) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind == kind && k.temperature == temperature && Arrays.equals(k.z, z);
        }

        @Override
        public int hashCode() { return kind.hashCode() * 31 + Arrays.hashCode(z); }
    }

    /** References are costly for n = 4097; test classes that check the same vector share one. */
    private static final java.util.Map<Key, double[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<Key, Double> LOG_SUM_EXP = new java.util.concurrent.ConcurrentHashMap<>();

    static double[] of(NormalizerKind kind, double[] z, double temperature) {
        return CACHE.computeIfAbsent(new Key(kind, temperature, z.clone()), k -> compute(kind, z, temperature)).clone();
    }

    private static double[] compute(NormalizerKind kind, double[] z, double temperature) {
        return switch (kind) {
            case SOFTMAX -> softmax(z, temperature);
            case STABLEMAX -> stablemax(z, temperature);
            case SPARSEMAX -> sparsemax(z, temperature);
            case ENTMAX15 -> entmax15(z, temperature);
            case SOFTPLUS -> softplus(z, temperature);
        };
    }
}
