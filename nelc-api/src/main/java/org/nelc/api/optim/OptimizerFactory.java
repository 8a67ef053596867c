package org.nelc.api.optim;

import java.util.Set;
import org.nelc.api.Named;

/**
 * Makes {@link Optimizer}s of one kind ({@code rmsprop}, {@code sgd}, {@code adam}, …).
 *
 * <p>Thread safety: one factory instance serves every thread ({@code reproduce} trains models in
 * parallel) and {@link #create} may be called concurrently: keep no mutable state in the factory. Each
 * {@link Optimizer} it creates belongs to one training run on one thread.
 */
public interface OptimizerFactory extends Named {
    /** Extra setting names this optimizer understands (besides the learning rate). */
    Set<String> extraSettings();

    /**
     * @param blockSizes the length of each parameter block
     * @throws org.nelc.api.UserError for an unknown or out-of-range setting, naming it
     */
    Optimizer create(OptimizerSettings settings, int[] blockSizes);
}
