package org.nelc.optim;

import java.util.Set;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.api.optim.OptimizerSettings;

/**
 * Makes {@link Adam}; settings {@code beta1} (default 0.9), {@code beta2} (default 0.999), both in
 * [0, 1), and {@code eps} (default 1e-8, > 0).
 */
public final class AdamFactory implements OptimizerFactory {
    private static final Set<String> EXTRAS = Set.of("beta1", "beta2", "eps");

    @Override
    public String name() {
        return Adam.NAME;
    }

    @Override
    public String description() {
        return "Adam gradient ascent with bias-corrected moments; beta1 0.9, beta2 0.999, eps 1e-8";
    }

    @Override
    public Set<String> extraSettings() {
        return EXTRAS;
    }

    @Override
    public Optimizer create(OptimizerSettings settings, int[] blockSizes) {
        SettingsCheck.onlyKnown(Adam.NAME, settings, EXTRAS);
        return new Adam(blockSizes, settings.learningRate(), settings.extra("beta1", Adam.DEFAULT_BETA1),
                settings.extra("beta2", Adam.DEFAULT_BETA2), settings.extra("eps", Adam.DEFAULT_EPS));
    }
}
