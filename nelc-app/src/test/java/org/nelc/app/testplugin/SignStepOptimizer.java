package org.nelc.app.testplugin;

import java.util.Set;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.api.optim.OptimizerSettings;

/** A test-only plugin on the test class path (its own service file): θ += lr · sign(g). */
public final class SignStepOptimizer implements OptimizerFactory {
    static int created;

    @Override
    public String name() {
        return "test-sign";
    }

    @Override
    public String description() {
        return "test plugin: sign-of-gradient ascent";
    }

    @Override
    public Set<String> extraSettings() {
        return Set.of();
    }

    @Override
    public Optimizer create(OptimizerSettings settings, int[] blockSizes) {
        created++;
        double lr = settings.learningRate();
        return new Optimizer() {
            @Override
            public void step(double[][] params, double[][] grads) {
                for (int k = 0; k < params.length; k++) {
                    for (int i = 0; i < params[k].length; i++) {
                        params[k][i] += lr * Math.signum(grads[k][i]);
                    }
                }
            }

            @Override
            public void reset() {
            }

            @Override
            public double[][] state() {
                return new double[0][];
            }

            @Override
            public void restore(double[][] state) {
            }
        };
    }
}
