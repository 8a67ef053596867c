package org.nelc.optim;

import org.nelc.api.UserError;
import org.nelc.api.optim.Optimizer;

/**
 * Adam (Kingma &amp; Ba 2015), gradient ascent, bias-corrected: at step t = 1, 2, …
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   θ ← θ + lr·m̂ / (√v̂ + eps),   m̂ = m / (1 − β1^t),   v̂ = v / (1 − β2^t)
 * </pre>
 *
 * <p>State: {@code 2n + 1} blocks for {@code n} parameter blocks: {@code m_0 … m_{n−1}}, then
 * {@code v_0 … v_{n−1}} (sizes of the parameter blocks), then one block of length 1 holding the
 * step count t.
 */
public final class Adam implements Optimizer {
    public static final String NAME = "adam";
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPS = 1e-8;

    private final int[] sizes;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[][] m;
    private final double[][] v;
    private long t;

    /**
     * @param blockSizes the length of each parameter block
     * @throws org.nelc.api.UserError if lr ≤ 0, beta1 or beta2 ∉ [0, 1) or eps ≤ 0, naming the setting
     */
    public Adam(int[] blockSizes, double lr, double beta1, double beta2, double eps) {
        this.sizes = Blocks.sizes(blockSizes);
        this.lr = SettingsCheck.learningRate(NAME, lr);
        this.beta1 = SettingsCheck.unitInterval(NAME, "beta1", beta1);
        this.beta2 = SettingsCheck.unitInterval(NAME, "beta2", beta2);
        this.eps = SettingsCheck.positive(NAME, "eps", eps);
        this.m = Blocks.zeros(sizes);
        this.v = Blocks.zeros(sizes);
    }

    public double learningRate() {
        return lr;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double eps() {
        return eps;
    }

    /** Steps taken since creation or the last {@link #reset()}. */
    public long stepCount() {
        return t;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Blocks.checkStep(sizes, params, grads);
        t++;
        double c1 = 1.0 - power(beta1, t);
        double c2 = 1.0 - power(beta2, t);
        double a1 = 1.0 - beta1;
        double a2 = 1.0 - beta2;
        for (int k = 0; k < sizes.length; k++) {
            double[] p = params[k];
            double[] g = grads[k];
            double[] mk = m[k];
            double[] vk = v[k];
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                double mi = beta1 * mk[i] + a1 * gi;
                double vi = beta2 * vk[i] + a2 * gi * gi;
                mk[i] = mi;
                vk[i] = vi;
                p[i] = p[i] + lr * (mi / c1) / (Math.sqrt(vi / c2) + eps);
            }
        }
    }

    @Override
    public void reset() {
        Blocks.fillZero(m);
        Blocks.fillZero(v);
        t = 0;
    }

    /** Copies of {@code m} blocks, {@code v} blocks, then {@code {t}}. */
    @Override
    public double[][] state() {
        double[][] out = new double[2 * sizes.length + 1][];
        int next = Blocks.copyInto(out, 0, m);
        next = Blocks.copyInto(out, next, v);
        out[next] = new double[] {t};
        return out;
    }

    /** @throws org.nelc.api.UserError if {@code state} is not shaped like {@link #state()} or holds an impossible value */
    @Override
    public void restore(double[][] state) {
        int n = sizes.length;
        Blocks.checkCount(NAME, state, 2 * n + 1);
        Blocks.checkBlocks(NAME, "m", state, 0, sizes, false);
        Blocks.checkBlocks(NAME, "v", state, n, sizes, true);
        double[] last = state[2 * n];
        if (last == null || last.length != 1) {
            throw new UserError("optimizer " + NAME + ": saved step-count block has size "
                    + (last == null ? "null" : String.valueOf(last.length)) + ", expected 1");
        }
        double steps = last[0];
        if (!(steps >= 0 && steps <= 0x1p53 && steps == Math.rint(steps))) {
            throw new UserError("optimizer " + NAME
                    + ": saved step count must be a whole number ≥ 0, got " + steps);
        }
        Blocks.copyFrom(state, 0, m);
        Blocks.copyFrom(state, n, v);
        t = (long) steps;
    }

    /**
     * {@code base^n} by binary exponentiation: a fixed sequence of IEEE multiplications, so the same
     * bits on every platform (unlike {@code Math.pow}) and no allocation.
     */
    static double power(double base, long n) {
        double result = 1.0;
        double b = base;
        long e = n;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>= 1;
        }
        return result;
    }
}
