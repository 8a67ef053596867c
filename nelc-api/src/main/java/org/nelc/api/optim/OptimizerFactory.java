package org.nelc.api.optim;

import java.util.Set;
import org.nelc.api.Named;

/** Makes {@link Optimizer}s of one kind ({@code rmsprop}, {@code sgd}, {@code adam}, …). */
public interface OptimizerFactory extends Named {
    /** Extra setting names this optimizer understands (besides the learning rate). */
    Set<String> extraSettings();

    /**
     * @param blockSizes the length of each parameter block
     * @throws org.nelc.api.UserError for an unknown or out-of-range setting, naming it
     */
    Optimizer create(OptimizerSettings settings, int[] blockSizes);
}
