package org.nelc.api.gradient;

import java.util.Set;
import org.nelc.api.Named;
import org.nelc.api.Settings;
import org.nelc.api.data.Dataset;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;

/**
 * An approximation of the log-likelihood gradient from a minibatch and a recorded chain segment
 * (SPEC §4). It owns no randomness: the same inputs give the same bits.
 *
 * <p>Thread safety: one instance (per configuration) serves every thread — {@code reproduce} trains
 * several models at once with the same estimator — so {@link #estimate} must not keep per-call state in
 * fields (use locals, or a {@link ThreadLocal} workspace as the built-in {@code two-step} does).
 *
 * <p>Settings: an estimator may take named numeric settings ({@code --gradient-setting KEY=VALUE},
 * recorded in {@code model.json}): list them in {@link #settings()} and return a configured copy from
 * {@link #configure}. To build on another estimator (e.g. wrap {@code two-step}), implement
 * {@link org.nelc.api.PluginAware}.
 *
 * <p>Speed: the built-in {@code two-step} shares the per-step tables of the z→x kernel (fields, means,
 * log-partitions) with the chain through a core-only interface; an estimator written against this API
 * alone recomputes what it needs, which cost 2.3× the training time of {@code two-step} in the issue's
 * measurement (1.36 s vs 0.59 s for 5 epochs of the paper's model). Wrapping {@code two-step} (through
 * {@link org.nelc.api.PluginAware}) runs its optimized code, minus the sharing: it recomputes the tables
 * of the states the chain visited.
 */
public interface GradientEstimator extends Named {
    /**
     * Writes the ascent direction averaged over the minibatch into {@code grad} (blocks in the order
     * of {@link ModelView#BLOCKS}, same sizes as the parameters; overwritten, not accumulated).
     *
     * @param batch row indices into {@code data}
     * @return the on-the-fly log-likelihood of the minibatch, {@code mean_x log((1/T) Σ_t A_{z(t) x})}
     *     (SPEC §6), in nats per image
     */
    double estimate(ModelView model, Dataset data, int[] batch, ChainRecord chain, ScoreFactor score,
            double[][] grad);

    /** The setting keys this estimator understands. */
    default Set<String> settings() {
        return Set.of();
    }

    /**
     * This estimator with {@code settings} applied: a new instance (this one keeps its defaults). The
     * default refuses every key; an estimator with settings checks them ({@link Settings#requireOnly}) and
     * returns a configured copy. Called with {@link Settings#NONE} it must return an estimator equal in
     * behavior to this one.
     *
     * @throws org.nelc.api.UserError for an unknown or out-of-range setting, naming it
     */
    default GradientEstimator configure(Settings settings) {
        settings.requireOnly("--gradient-setting", name(), settings());
        return this;
    }

    /** The settings this instance was configured with ({@link Settings#NONE} for the defaults). */
    default Settings configuration() {
        return Settings.NONE;
    }
}
