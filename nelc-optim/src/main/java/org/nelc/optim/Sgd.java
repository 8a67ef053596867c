package org.nelc.optim;

import org.nelc.api.optim.Optimizer;

/**
 * Plain gradient ascent, optionally with heavy-ball momentum μ:
 *
 * <pre>
 *   μ = 0:   θ ← θ + lr·g
 *   μ > 0:   u ← μ·u + g;   θ ← θ + lr·u
 * </pre>
 *
 * <p>State: with μ = 0 none (zero blocks); with μ > 0 one velocity block {@code u} per parameter
 * block, same sizes, starting at zero.
 */
public final class Sgd implements Optimizer {
    public static final String NAME = "sgd";
    public static final double DEFAULT_MOMENTUM = 0.0;

    private final int[] sizes;
    private final double lr;
    private final double momentum;
    private final double[][] velocity;

    /**
     * @param blockSizes the length of each parameter block
     * @throws org.nelc.api.UserError if lr ≤ 0 or momentum ∉ [0, 1), naming the setting
     */
    public Sgd(int[] blockSizes, double lr, double momentum) {
        this.sizes = Blocks.sizes(blockSizes);
        this.lr = SettingsCheck.learningRate(NAME, lr);
        this.momentum = SettingsCheck.unitInterval(NAME, "momentum", momentum);
        this.velocity = momentum > 0 ? Blocks.zeros(sizes) : new double[0][];
    }

    public double learningRate() {
        return lr;
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public void step(double[][] params, double[][] grads) {
        Blocks.checkStep(sizes, params, grads);
        if (momentum > 0) {
            for (int k = 0; k < sizes.length; k++) {
                double[] p = params[k];
                double[] g = grads[k];
                double[] u = velocity[k];
                for (int i = 0; i < p.length; i++) {
                    double ui = momentum * u[i] + g[i];
                    u[i] = ui;
                    p[i] = p[i] + lr * ui;
                }
            }
        } else {
            for (int k = 0; k < sizes.length; k++) {
                double[] p = params[k];
                double[] g = grads[k];
                for (int i = 0; i < p.length; i++) {
                    p[i] = p[i] + lr * g[i];
                }
            }
        }
    }

    @Override
    public void reset() {
        Blocks.fillZero(velocity);
    }

    /** A copy of the velocity blocks (none when momentum is 0). */
    @Override
    public double[][] state() {
        double[][] out = new double[velocity.length][];
        Blocks.copyInto(out, 0, velocity);
        return out;
    }

    /** @throws org.nelc.api.UserError if {@code state} is not shaped like {@link #state()} or has a non-finite entry */
    @Override
    public void restore(double[][] state) {
        Blocks.checkCount(NAME, state, velocity.length);
        if (velocity.length > 0) {
            Blocks.checkBlocks(NAME, "velocity", state, 0, sizes, false);
            Blocks.copyFrom(state, 0, velocity);
        }
    }
}
