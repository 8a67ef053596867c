package org.nelc.core.math;

/**
 * Scalar functions in log space, accurate for arguments of any size (no overflow, no loss of the
 * tails): the building blocks of {@code log A} and {@code log Ā} (SPEC §2).
 *
 * <p>All of nelc's transcendental functions give {@link StrictMath}'s (fdlibm's) bits, which are
 * specified to the bit: {@code Math.exp} may differ by an ulp between platforms and JIT intrinsics,
 * which would break "same seed, same bits on any machine". Here they are {@link Fdlibm}'s Java ports
 * of the same code (tested bit-identical), which the JIT inlines: on JDK 17 {@code StrictMath.log}
 * and {@code log1p} are JNI calls (docs/design-notes.md, "fdlibm in Java").
 */
public final class LogMath {
    private LogMath() {
    }

    /** {@code log(1 + e^v)}. */
    public static double softplus(double v) {
        return v > 0 ? v + Fdlibm.log1p(Fdlibm.exp(-v)) : Fdlibm.log1p(Fdlibm.exp(v));
    }

    /** {@code log sigmoid(v) = −softplus(−v)}. */
    public static double logSigmoid(double v) {
        return -softplus(-v);
    }

    /** {@code 1 / (1 + e^{−v})}. */
    public static double sigmoid(double v) {
        if (v >= 0) {
            return 1.0 / (1.0 + Fdlibm.exp(-v));
        }
        double e = Fdlibm.exp(v);
        return e / (1.0 + e);
    }

    /** {@code log(p / (1 − p))}. */
    public static double logit(double p) {
        return Fdlibm.log(p) - Fdlibm.log1p(-p);
    }

    /** {@code log Σ e^{v[off+k]}} for {@code k < n}; {@code −∞} when all terms are {@code −∞}. */
    public static double logSumExp(double[] v, int off, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            m = Math.max(m, v[off + k]);
        }
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        if (m == Double.POSITIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Fdlibm.exp(v[off + k] - m);
        }
        return m + Fdlibm.log(s);
    }

    public static double logSumExp(double[] v) {
        return logSumExp(v, 0, v.length);
    }
}
