/**
 * The optimizers of docs/model.md §5: {@code rmsprop} (the paper's, and the default), {@code sgd} (with
 * optional heavy-ball momentum) and {@code adam}, each a small {@link org.nelc.api.optim.Optimizer}
 * with its {@link org.nelc.api.optim.OptimizerFactory}, found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/org.nelc.api.optim.OptimizerFactory}.
 *
 * <p>All of them do gradient <em>ascent</em> (θ ← θ + update(g), the log-likelihood goes up) on the
 * model's flat parameter blocks ({@code double[][]}, one array per block, the layout owned by the
 * model), keep one state array per block, and allocate nothing in {@code step}. Settings are
 * checked when the factory creates an optimizer: an unknown setting name or an out-of-range value
 * is a {@link org.nelc.api.UserError} naming the setting and the value.
 *
 * <p>{@code state()} returns a copy of the state blocks (layout in each class's Javadoc) and
 * {@code restore} takes such a copy back after checking its shape, so a run resumed from a
 * checkpoint takes the same steps, bit for bit, as one that never stopped.
 */
package org.nelc.optim;
