package org.nelc.api.optim;

/**
 * One optimizer instance for one set of parameter blocks: {@link #step} moves the parameters
 * <em>up</em> the gradient (ascent on the log-likelihood), updating the optimizer's own state. An
 * optimizer is a pure function of (parameters, gradient, its state): no randomness, no threads. An
 * instance is used by one training run on one thread, so its state needs no synchronization.
 */
public interface Optimizer {
    /** θ ← θ + update(g); {@code params[k]} and {@code grads[k]} have the sizes given at creation. */
    void step(double[][] params, double[][] grads);

    /** Forgets the accumulated state (moments, step count). */
    void reset();

    /** A snapshot of the internal state (for checkpoints); {@link #restore} accepts it back. */
    double[][] state();

    void restore(double[][] state);
}
