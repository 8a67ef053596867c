package org.example.nelcplugin;

import java.util.Set;
import org.nelc.api.UserError;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.api.optim.OptimizerSettings;

/**
 * AdaGrad (Duchi et al. 2011) as a nelc optimizer: {@code G += g²}, {@code θ += lr · g / (√G + eps)},
 * element-wise, ascending. {@code --optimizer adagrad --lr 0.1 --optimizer-setting eps=1e-8}.
 *
 * <p>The factory is stateless (one instance serves every thread); each {@link Optimizer} it creates
 * belongs to one training run. Only {@code +, ×, /, √} (correctly rounded in Java): same bits everywhere.
 */
public final class AdaGrad implements OptimizerFactory {
    static final String EPS = "eps";

    @Override
    public String name() {
        return "adagrad";
    }

    @Override
    public String description() {
        return "AdaGrad: step lr*g/(sqrt(sum g^2)+eps) (example plugin)";
    }

    @Override
    public Set<String> extraSettings() {
        return Set.of(EPS);
    }

    @Override
    public Optimizer create(OptimizerSettings settings, int[] blockSizes) {
        for (String key : settings.extras().keySet()) {
            if (!extraSettings().contains(key)) {
                throw new UserError("optimizer adagrad: unknown setting '" + key + "'; known settings: eps");
            }
        }
        double eps = settings.extra(EPS, 1e-8);
        if (!(eps > 0)) {
            throw new UserError("optimizer adagrad: setting eps must be positive, got " + eps);
        }
        return new Step(settings.learningRate(), eps, blockSizes);
    }

    private static final class Step implements Optimizer {
        private final double lr;
        private final double eps;
        private final double[][] sumSquares;

        Step(double lr, double eps, int[] sizes) {
            this.lr = lr;
            this.eps = eps;
            this.sumSquares = new double[sizes.length][];
            for (int k = 0; k < sizes.length; k++) {
                sumSquares[k] = new double[sizes[k]];
            }
        }

        @Override
        public void step(double[][] params, double[][] grads) {
            for (int k = 0; k < params.length; k++) {
                double[] p = params[k];
                double[] g = grads[k];
                double[] s = sumSquares[k];
                for (int i = 0; i < p.length; i++) {
                    s[i] += g[i] * g[i];
                    p[i] += lr * g[i] / (Math.sqrt(s[i]) + eps);
                }
            }
        }

        @Override
        public void reset() {
            for (double[] s : sumSquares) {
                java.util.Arrays.fill(s, 0.0);
            }
        }

        @Override
        public double[][] state() {
            double[][] copy = new double[sumSquares.length][];
            for (int k = 0; k < copy.length; k++) {
                copy[k] = sumSquares[k].clone();
            }
            return copy;
        }

        @Override
        public void restore(double[][] state) {
            for (int k = 0; k < sumSquares.length; k++) {
                System.arraycopy(state[k], 0, sumSquares[k], 0, sumSquares[k].length);
            }
        }
    }
}
