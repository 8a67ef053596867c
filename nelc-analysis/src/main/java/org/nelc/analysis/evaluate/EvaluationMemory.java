package org.nelc.analysis.evaluate;

import java.util.Locale;
import org.nelc.analysis.transition.TransitionEstimator;
import org.nelc.api.UserError;
import org.nelc.core.train.MemoryBudget;

/**
 * What an evaluation needs of the heap, checked before any work (and by {@code reproduce} before it
 * trains). Up to {@link TransitionEstimator#MAX_STATES} states the counted and Rao-Blackwellized {@code M}
 * are dense, each with {@code 20} jackknife replicates: {@value #DENSE_BYTES_PER_STATE_PAIR} bytes per
 * (state, state) pair, measured (docs/reliability.md: one-hot:500 evaluates in a 256 MiB heap, one-hot:700
 * does not). Beyond, the evaluation is sparse: the occupancy, the class assignment (one mean per class and
 * state) and the occupancy's text in evaluation.json, {@value #SPARSE_BYTES_PER_STATE} bytes per state plus
 * 8 per class. The trajectory adds 4 bytes a step.
 */
public final class EvaluationMemory {
    static final long DENSE_BYTES_PER_STATE_PAIR = 800;
    static final long SPARSE_BYTES_PER_STATE = 48;

    private EvaluationMemory() {
    }

    /** Bytes an evaluation of {@code states} latent states with {@code classes} classes and a chain of {@code steps} needs. */
    public static long bytes(int states, int classes, long steps) {
        long s = states;
        long tables = states <= TransitionEstimator.MAX_STATES ? DENSE_BYTES_PER_STATE_PAIR * s * s
                : (SPARSE_BYTES_PER_STATE + 8L * Math.max(1, classes)) * s;
        return tables + EvaluationOptions.TRAJECTORY_BYTES_PER_STEP * steps;
    }

    /**
     * @param who what to name in the message: the flag ({@code "--latent bits:30"}) or the model file
     * @param concurrent evaluations at once in this JVM
     * @throws UserError with the need and the heap when it does not fit
     */
    public static void check(String who, int states, int classes, long steps, int concurrent) {
        long heap = Runtime.getRuntime().maxMemory();
        long need = bytes(states, classes, steps) * concurrent;
        if (need > heap) {
            throw new UserError(who + ": evaluating " + String.format(Locale.ROOT, "%,d", states) + " latent states ("
                    + (states <= TransitionEstimator.MAX_STATES ? "dense M with jackknife replicates" : "sparse")
                    + ") needs about " + MemoryBudget.gib(need) + " of heap" + (concurrent > 1 ? " with " + concurrent
                    + " at once" : "") + "; this JVM has " + MemoryBudget.gib(heap) + " (JAVA_OPTS=-Xmx… raises it)");
        }
    }
}
