package org.nelc.core.likelihood;

import org.nelc.api.data.Dataset;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.model.Model;

/**
 * The precise log-likelihood of App. A.3 (docs/model.md §6): run one chain for {@code burnIn + steps} double
 * steps, take the occupancy {@code p̄_e(z)} of the last {@code steps} latent states, and average
 * {@code log Σ_z p̄_e(z) A_{zx}} over the data.
 */
public final class PreciseLikelihood {
    private PreciseLikelihood() {
    }

    /**
     * @param chain the chain to run (its chain 0 is used, and left where it ends)
     * @return the trajectory, its occupancy and the log-likelihood
     */
    private static final int BURN_IN_PIECE = 1 << 16;

    public static Result compute(Model model, Dataset data, PersistentChain chain, int burnIn, int steps) {
        return compute(model, data, chain, burnIn, steps, Progress.NONE);
    }

    /** How far the chain has run: called after every piece of {@value #BURN_IN_PIECE} double steps. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        /** {@code done} of {@code total} double steps (burn-in and counted ones) are run. */
        void ran(long done, long total);
    }

    /** As {@link #compute(Model, Dataset, PersistentChain, int, int)}, reporting the chain's progress. */
    public static Result compute(Model model, Dataset data, PersistentChain chain, int burnIn, int steps,
            Progress progress) {
        if (steps < 1) {
            throw new org.nelc.api.UserError("--chain-length: must be at least 1, got " + steps);
        }
        long total = (long) burnIn + steps;
        // the chain in pieces into one buffer: the same draws in the same order as one call, no memory per
        // burn-in step, and a progress report after each piece
        int[] piece = new int[(int) Math.min(total, BURN_IN_PIECE)];
        for (int left = burnIn; left > 0; left -= piece.length) {
            chain.runLatent(model, 0, left >= piece.length ? piece : new int[left]);
            progress.ran(burnIn - Math.max(0, left - piece.length), total);
        }
        int[] traj = new int[steps];
        for (int from = 0; from < steps; from += piece.length) {
            int n = Math.min(piece.length, steps - from);
            int[] into = n == piece.length ? piece : new int[n];
            chain.runLatent(model, 0, into);
            System.arraycopy(into, 0, traj, from, n);
            progress.ran((long) burnIn + from + n, total);
        }
        double[] occ = occupancy(traj, model.latent().states());
        double[] ll = LogLikelihood.perPoint(model, data, occ);
        return new Result(traj, occ, ll, LogLikelihood.summarize(ll));
    }

    public static double[] occupancy(int[] traj, int states) {
        double[] occ = new double[states];
        for (int z : traj) {
            occ[z] += 1;
        }
        for (int s = 0; s < states; s++) {
            occ[s] /= traj.length;
        }
        return occ;
    }

    /**
     * @param trajectory latent states after burn-in
     * @param occupancy empirical {@code p̄_e}
     * @param perPoint {@code log p(x)} of every data point
     * @param summary mean ± standard error
     */
    public record Result(int[] trajectory, double[] occupancy, double[] perPoint, LogLikelihood.Summary summary) {
    }
}
