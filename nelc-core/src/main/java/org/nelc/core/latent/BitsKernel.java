package org.nelc.core.latent;

import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.core.math.LogMath;

/**
 * {@code Ā(z | u) = Π_β Bern(z_β; sigmoid(u_β))}. State index {@code s = Σ_β z_β 2^β}. Both score
 * factors are {@code z_β − sigmoid(u_β)}: here the paper's formula is the exact derivative.
 */
final class BitsKernel implements LatentKernel, WorkspaceSampler {
    private final int units;

    BitsKernel(int units) {
        this.units = units;
    }

    @Override
    public String encoding() {
        return "bits";
    }

    @Override
    public String normalization() {
        return BitsEncoding.FACTORIZED;
    }

    @Override
    public int units() {
        return units;
    }

    @Override
    public int states() {
        return 1 << units;
    }

    @Override
    public void state(int s, double[] z) {
        for (int b = 0; b < units; b++) {
            z[b] = (s >>> b) & 1;
        }
    }

    @Override
    public int activeUnits(int s, int[] out) {
        int k = 0;
        for (int b = 0; b < units; b++) {
            if (((s >>> b) & 1) != 0) {
                out[k++] = b;
            }
        }
        return k;
    }

    @Override
    public int sample(double[] u, int uOff, UniformRandomProvider rng) {
        int s = 0;
        for (int b = 0; b < units; b++) {
            if (rng.nextDouble() < LogMath.sigmoid(u[uOff + b])) {
                s |= 1 << b;
            }
        }
        return s;
    }

    /** Needs no workspace: each bit takes one draw against its own sigmoid. */
    @Override
    public int sample(double[] u, int uOff, UniformRandomProvider rng, double[] work) {
        return sample(u, uOff, rng);
    }

    @Override
    public int workspaceSize() {
        return 0;
    }

    @Override
    public double logProb(double[] u, int uOff, int s) {
        double lp = 0;
        for (int b = 0; b < units; b++) {
            double v = u[uOff + b];
            lp += ((s >>> b) & 1) != 0 ? LogMath.logSigmoid(v) : LogMath.logSigmoid(-v);
        }
        return lp;
    }

    @Override
    public void logProbs(double[] u, int uOff, double[] out) {
        int n = states();
        for (int s = 0; s < n; s++) {
            out[s] = logProb(u, uOff, s);
        }
    }

    @Override
    public void score(double[] u, int uOff, int s, ScoreFactor factor, double[] out, int oOff) {
        for (int b = 0; b < units; b++) {
            out[oOff + b] = ((s >>> b) & 1) - LogMath.sigmoid(u[uOff + b]);
        }
    }

    @Override
    public boolean trainsVisibleBias() {
        return true;
    }
}
