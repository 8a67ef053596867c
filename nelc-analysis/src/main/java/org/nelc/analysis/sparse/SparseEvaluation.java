package org.nelc.analysis.sparse;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.analysis.classes.ClassAssignment;
import org.nelc.analysis.classes.ClassKl;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.chain.TransitionCounts;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The evaluation of a model whose latent space is too large for a dense {@code M} (SPEC §6–7 for
 * {@code 2^L} states): the chain, burn-in and streams of {@link org.nelc.analysis.evaluate.Evaluator}
 * ({@code SeedTree.root(seed).child("evaluate")} → {@code "chain"}, {@code "init"}), so the
 * trajectory and the precise log-likelihood are the same numbers; then what only needs the visited
 * states. Every cost is proportional to the trajectory or to the states it visits, never to {@code 2^L}:
 * the likelihood sums over the visited states only ({@link LogLikelihood} skips zero occupancy), the
 * transitions are counted in a hash map ({@link TransitionCounts} above its dense limit).
 *
 * @param states {@code 2^L}
 * @param visited states with positive occupancy
 * @param logLikelihood precise log-likelihood, mean ± s.e., nats per image
 * @param perPoint the precise {@code log p(x)} of every data row
 * @param sigmaCount σ (Eq. 21) from counted transitions, one-way pairs skipped (a lower bound, SPEC §7)
 * @param oneWayPairs pairs of states seen in one direction only
 * @param stayFraction fraction of steps with {@code z(t+1) = z(t)} ({@code Σ_z p̄(z) M_zz})
 * @param classKl KL of Eq. 22 with the occupancy (NaN without labels)
 * @param seconds wall time
 */
public record SparseEvaluation(int states, int visited, LogLikelihood.Summary logLikelihood, double[] perPoint,
        double sigmaCount, int oneWayPairs, double stayFraction, double classKl, double seconds) {

    /**
     * @param initialVisible the chain's starting state (e.g. the model's saved chain), or null for a data
     *     row chosen by the seed, as {@code Evaluator} does
     */
    public static SparseEvaluation of(Model model, Dataset data, byte[] initialVisible, EvaluationOptions options) {
        long t0 = System.nanoTime();
        int d = model.visibleSize();
        if (data.dimension() != d) {
            throw new UserError("evaluate: the data (" + data.source() + ") has " + data.dimension()
                    + " pixels per row, the model " + d);
        }
        SeedTree root = SeedTree.root(options.seed()).child(SeedStreams.EVALUATE);
        byte[] x0;
        if (initialVisible != null) {
            x0 = initialVisible.clone();
        } else {
            int row = root.child(SeedStreams.INIT).stream().nextInt(data.size());
            x0 = java.util.Arrays.copyOfRange(data.bitsView(), row * d, row * d + d);
        }
        PersistentChain chain = new PersistentChain(new byte[][] {x0},
                new RestorableUniformRandomProvider[] {root.child(SeedStreams.CHAIN).stream()});
        PreciseLikelihood.Result precise = PreciseLikelihood.compute(model, data, chain, options.burnIn(),
                options.chainLength());
        int[] traj = precise.trajectory();
        int states = model.latent().states();
        TransitionCounts counts = new TransitionCounts(states);
        counts.addTrajectory(traj, 0, traj.length);
        int visited = 0;
        for (double o : precise.occupancy()) {
            if (o > 0) {
                visited++;
            }
        }
        long stay = 0;
        for (int t = 0; t + 1 < traj.length; t++) {
            if (traj[t] == traj[t + 1]) {
                stay++;
            }
        }
        double kl = data.hasLabels() ? ClassKl.of(ClassAssignment.of(model, data, precise.occupancy())).kl()
                : Double.NaN;
        return new SparseEvaluation(states, visited, precise.summary(), precise.perPoint(), counts.entropyProduction(),
                counts.oneWayPairs(), traj.length > 1 ? stay / (double) (traj.length - 1) : 0, kl,
                (System.nanoTime() - t0) * 1e-9);
    }
}
