package org.nelc.optim;

import java.util.Set;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.api.optim.OptimizerSettings;

/** Makes {@link RmsProp}; settings {@code decay} (default 0.9, in [0, 1)) and {@code eps} (default 1e-8, > 0). */
public final class RmsPropFactory implements OptimizerFactory {
    private static final Set<String> EXTRAS = Set.of("decay", "eps");

    @Override
    public String name() {
        return RmsProp.NAME;
    }

    @Override
    public String description() {
        return "RMSprop gradient ascent: v = decay*v + (1-decay)*g^2, theta += lr*g/(sqrt(v)+eps); decay 0.9, eps 1e-8";
    }

    @Override
    public Set<String> extraSettings() {
        return EXTRAS;
    }

    @Override
    public Optimizer create(OptimizerSettings settings, int[] blockSizes) {
        SettingsCheck.onlyKnown(RmsProp.NAME, settings, EXTRAS);
        return new RmsProp(blockSizes, settings.learningRate(),
                settings.extra("decay", RmsProp.DEFAULT_DECAY), settings.extra("eps", RmsProp.DEFAULT_EPS));
    }
}
