package org.nelc.optim;

import org.nelc.api.optim.Optimizer;

/**
 * RMSprop, gradient ascent (docs/model.md §5, the paper's optimizer): per coordinate
 *
 * <pre>
 *   v ← decay·v + (1 − decay)·g²
 *   θ ← θ + lr·g / (√v + eps)        (eps added to the root, not under it)
 * </pre>
 *
 * <p>The floating-point operations are those of the NumPy peer ({@code bench/numpy_peer.py},
 * class {@code RMSprop}) in the same order, so both give the same bits:
 * {@code v *= decay; v += (1 - decay) * g * g; p += lr * g / (sqrt(v) + eps)}, i.e.
 * {@code v = v·decay}, then {@code v = v + ((1 − decay)·g)·g}, then
 * {@code p = p + (lr·g) / (√v + eps)}, with {@code 1 − decay} computed once.
 *
 * <p>State: one block {@code v} per parameter block, same sizes, starting at zero.
 */
public final class RmsProp implements Optimizer {
    public static final String NAME = "rmsprop";
    public static final double DEFAULT_DECAY = 0.9;
    public static final double DEFAULT_EPS = 1e-8;

    private final int[] sizes;
    private final double lr;
    private final double decay;
    private final double oneMinusDecay;
    private final double eps;
    private final double[][] v;

    /**
     * @param blockSizes the length of each parameter block
     * @throws org.nelc.api.UserError if lr ≤ 0, decay ∉ [0, 1) or eps ≤ 0, naming the setting
     */
    public RmsProp(int[] blockSizes, double lr, double decay, double eps) {
        this.sizes = Blocks.sizes(blockSizes);
        this.lr = SettingsCheck.learningRate(NAME, lr);
        this.decay = SettingsCheck.unitInterval(NAME, "decay", decay);
        this.oneMinusDecay = 1.0 - decay;
        this.eps = SettingsCheck.positive(NAME, "eps", eps);
        this.v = Blocks.zeros(sizes);
    }

    public double learningRate() {
        return lr;
    }

    public double decay() {
        return decay;
    }

    public double eps() {
        return eps;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Blocks.checkStep(sizes, params, grads);
        for (int k = 0; k < sizes.length; k++) {
            double[] p = params[k];
            double[] g = grads[k];
            double[] vk = v[k];
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                double vi = vk[i] * decay;
                vi = vi + oneMinusDecay * gi * gi;
                vk[i] = vi;
                p[i] = p[i] + lr * gi / (Math.sqrt(vi) + eps);
            }
        }
    }

    @Override
    public void reset() {
        Blocks.fillZero(v);
    }

    /** A copy of {@code v}: one block per parameter block. */
    @Override
    public double[][] state() {
        double[][] out = new double[sizes.length][];
        Blocks.copyInto(out, 0, v);
        return out;
    }

    /** @throws org.nelc.api.UserError if {@code state} is not shaped like {@link #state()} or has a negative or non-finite entry */
    @Override
    public void restore(double[][] state) {
        Blocks.checkCount(NAME, state, sizes.length);
        Blocks.checkBlocks(NAME, "v", state, 0, sizes, true);
        Blocks.copyFrom(state, 0, v);
    }
}
