package org.nelc.core.latent;

import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.math.LogMath;

/**
 * {@code Ā(α | u)} for one-hot states. {@code sigmoid-ratio}: {@code sigmoid(u_α) / Σ_γ sigmoid(u_γ)}
 * (Eq. 19); {@code softmax}: {@code e^{u_α} / Σ_γ e^{u_γ}}. Sampling takes one uniform (inverse CDF).
 */
final class OneHotKernel implements LatentKernel, WorkspaceSampler {
    private final int units;
    private final boolean softmax;

    OneHotKernel(int units, boolean softmax) {
        this.units = units;
        this.softmax = softmax;
    }

    @Override
    public String encoding() {
        return "one-hot";
    }

    @Override
    public String normalization() {
        return softmax ? OneHotEncoding.SOFTMAX : OneHotEncoding.SIGMOID_RATIO;
    }

    @Override
    public int units() {
        return units;
    }

    @Override
    public int states() {
        return units;
    }

    @Override
    public void state(int s, double[] z) {
        for (int b = 0; b < units; b++) {
            z[b] = 0;
        }
        z[s] = 1;
    }

    @Override
    public int activeUnits(int s, int[] out) {
        out[0] = s;
        return 1;
    }

    /** Unnormalized log weight of state {@code α}. */
    private double logWeight(double u) {
        return softmax ? u : LogMath.logSigmoid(u);
    }

    @Override
    public int sample(double[] u, int uOff, UniformRandomProvider rng) {
        double r = rng.nextDouble();
        if (!softmax) {
            // sigmoid(u) ∈ (0, 1]: weights need no shift unless every one underflows
            double total = 0;
            for (int a = 0; a < units; a++) {
                total += LogMath.sigmoid(u[uOff + a]);
            }
            if (total > 1e-280) {
                double target = r * total;
                double acc = 0;
                for (int a = 0; a < units - 1; a++) {
                    acc += LogMath.sigmoid(u[uOff + a]);
                    if (target < acc) {
                        return a;
                    }
                }
                return units - 1;
            }
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < units; a++) {
            m = Math.max(m, logWeight(u[uOff + a]));
        }
        double total = 0;
        for (int a = 0; a < units; a++) {
            total += StrictMath.exp(logWeight(u[uOff + a]) - m);
        }
        double target = r * total;
        double acc = 0;
        for (int a = 0; a < units - 1; a++) {
            acc += StrictMath.exp(logWeight(u[uOff + a]) - m);
            if (target < acc) {
                return a;
            }
        }
        return units - 1;
    }

    /**
     * The draw of {@link #sample(double[], int, UniformRandomProvider)} with each state's weight computed
     * once into {@code work} and summed, then accumulated again from {@code work} in the same order:
     * the same numbers, hence the same state.
     */
    @Override
    public int sample(double[] u, int uOff, UniformRandomProvider rng, double[] work) {
        double r = rng.nextDouble();
        if (!softmax) {
            double total = 0;
            for (int a = 0; a < units; a++) {
                double p = LogMath.sigmoid(u[uOff + a]);
                work[a] = p;
                total += p;
            }
            if (total > 1e-280) {
                double target = r * total;
                double acc = 0;
                for (int a = 0; a < units - 1; a++) {
                    acc += work[a];
                    if (target < acc) {
                        return a;
                    }
                }
                return units - 1;
            }
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < units; a++) {
            double lw = logWeight(u[uOff + a]);
            work[a] = lw;
            m = Math.max(m, lw);
        }
        double total = 0;
        for (int a = 0; a < units; a++) {
            double p = StrictMath.exp(work[a] - m);
            work[a] = p;
            total += p;
        }
        double target = r * total;
        double acc = 0;
        for (int a = 0; a < units - 1; a++) {
            acc += work[a];
            if (target < acc) {
                return a;
            }
        }
        return units - 1;
    }

    @Override
    public int workspaceSize() {
        return units;
    }

    private double logNormalizer(double[] u, int uOff) {
        double m = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < units; a++) {
            m = Math.max(m, logWeight(u[uOff + a]));
        }
        double s = 0;
        for (int a = 0; a < units; a++) {
            s += StrictMath.exp(logWeight(u[uOff + a]) - m);
        }
        return m + StrictMath.log(s);
    }

    @Override
    public double logProb(double[] u, int uOff, int s) {
        return logWeight(u[uOff + s]) - logNormalizer(u, uOff);
    }

    @Override
    public void logProbs(double[] u, int uOff, double[] out) {
        double z = logNormalizer(u, uOff);
        for (int a = 0; a < units; a++) {
            out[a] = logWeight(u[uOff + a]) - z;
        }
    }

    @Override
    public void score(double[] u, int uOff, int s, ScoreFactor factor, double[] out, int oOff) {
        if (factor == ScoreFactor.PAPER) {
            for (int b = 0; b < units; b++) {
                out[oOff + b] = (b == s ? 1.0 : 0.0) - LogMath.sigmoid(u[uOff + b]);
            }
            return;
        }
        double z = logNormalizer(u, uOff);
        for (int b = 0; b < units; b++) {
            double p = StrictMath.exp(logWeight(u[uOff + b]) - z);
            double d = (b == s ? 1.0 : 0.0) - p;
            // softmax: z_β − p_β; sigmoid-ratio: (1 − sigmoid(u_β)) (z_β − Ā_β)
            out[oOff + b] = softmax ? d : LogMath.sigmoid(-u[uOff + b]) * d;
        }
    }

    @Override
    public boolean trainsVisibleBias() {
        return false;
    }
}
