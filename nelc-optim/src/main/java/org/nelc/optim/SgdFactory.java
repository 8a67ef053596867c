package org.nelc.optim;

import java.util.Set;
import org.nelc.api.optim.Optimizer;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.api.optim.OptimizerSettings;

/** Makes {@link Sgd}; setting {@code momentum} (default 0, in [0, 1)). */
public final class SgdFactory implements OptimizerFactory {
    private static final Set<String> EXTRAS = Set.of("momentum");

    @Override
    public String name() {
        return Sgd.NAME;
    }

    @Override
    public String description() {
        return "SGD gradient ascent: theta += lr*g, optional heavy-ball momentum (u = momentum*u + g, theta += lr*u)";
    }

    @Override
    public Set<String> extraSettings() {
        return EXTRAS;
    }

    @Override
    public Optimizer create(OptimizerSettings settings, int[] blockSizes) {
        SettingsCheck.onlyKnown(Sgd.NAME, settings, EXTRAS);
        return new Sgd(blockSizes, settings.learningRate(), settings.extra("momentum", Sgd.DEFAULT_MOMENTUM));
    }
}
