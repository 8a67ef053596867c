package org.nelc.analysis.sparse;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.analysis.classes.ClassAssignment;
import org.nelc.analysis.classes.ClassKl;
import org.nelc.analysis.classes.ClassKlDiagnostic;
import org.nelc.analysis.entropy.EntropyProductionDiagnostic;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.LogLikelihoodResult;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.uncertainty.Jackknife;
import org.nelc.analysis.uncertainty.TrajectoryBatches;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.core.chain.EntropyProductionSum;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.chain.TransitionCounts;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.likelihood.PreciseLikelihood;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * The evaluation of a model whose latent space is too large for a dense {@code M} (docs/model.md §6–7 for
 * {@code 2^L} states): the chain, burn-in and streams of {@link org.nelc.analysis.evaluate.Evaluator}
 * ({@code SeedTree.root(seed).child("evaluate")} → {@code "chain"}, {@code "init"}), so the
 * trajectory and the precise log-likelihood are the same numbers; then what only needs the visited
 * states. Every cost is proportional to the trajectory or to the states it visits, never to {@code 2^L}:
 * the likelihood sums over the visited states only ({@link LogLikelihood} skips zero occupancy), the
 * transitions are counted in a hash map ({@link TransitionCounts} above its dense limit).
 *
 * @param states {@code 2^L}
 * @param visited states with positive occupancy
 * @param logLikelihood precise log-likelihood, mean ± s.e., nats per image (that s.e. is the spread over images)
 * @param logLikelihoodError its Monte-Carlo error: the delete-one jackknife over the same {@link #batches} of
 *     the trajectory as σ's, each replicate's LL to first order in its occupancy change
 *     ({@link LogLikelihood#sensitivity}; the dense evaluation recomputes each replicate instead, which needs
 *     a table per state); NaN with fewer than 2 batches
 * @param perPoint the precise {@code log p(x)} of every data row
 * @param sigmaCount σ (Eq. 21) from counted transitions, one-way pairs skipped (a lower bound, docs/model.md §7)
 * @param sigmaCountError its standard error: delete-one jackknife over {@link #batches} contiguous batches of
 *     the trajectory ({@link TrajectoryBatches}, as the dense evaluation does); NaN with fewer than 2 batches
 * @param batches the batches of that jackknife
 * @param oneWayPairs pairs of states seen in one direction only
 * @param stayFraction fraction of steps with {@code z(t+1) = z(t)} ({@code Σ_z p̄(z) M_zz})
 * @param classKl KL of Eq. 22 with the occupancy (NaN without labels)
 * @param classKlError its standard error: the same batch jackknife, with each state's class held as assigned
 *     (the replicates move the model's class fractions, not the assignment); NaN without labels, with fewer
 *     than 2 batches, or when the KL is infinite
 * @param classes the class assignment behind it (null without labels)
 * @param occupancy the trajectory's occupancy {@code p̄_e}, one entry per state
 * @param initialState where the chain started ({@code "model chain"} or {@code "data row N"})
 * @param seconds wall time
 */
public record SparseEvaluation(int states, int visited, LogLikelihood.Summary logLikelihood,
        double logLikelihoodError, double[] perPoint,
        double sigmaCount, double sigmaCountError, int batches, int oneWayPairs, double stayFraction, double classKl,
        double classKlError, ClassKl.Result classes, double[] occupancy, String initialState, double seconds) {

    /**
     * @param initialVisible the chain's starting state (e.g. the model's saved chain), or null for a data
     *     row chosen by the seed, as {@code Evaluator} does
     */
    public static SparseEvaluation of(Model model, Dataset data, byte[] initialVisible, EvaluationOptions options) {
        return of(model, data, initialVisible, options, PreciseLikelihood.Progress.NONE);
    }

    /** As {@link #of(Model, Dataset, byte[], EvaluationOptions)}, reporting the chain's progress. */
    public static SparseEvaluation of(Model model, Dataset data, byte[] initialVisible, EvaluationOptions options,
            PreciseLikelihood.Progress progress) {
        long t0 = System.nanoTime();
        int d = model.visibleSize();
        if (data.dimension() != d) {
            throw new UserError("evaluate: the data (" + data.source() + ") has " + data.dimension()
                    + " pixels per row, the model " + d);
        }
        SeedTree root = SeedTree.root(options.seed()).child(SeedStreams.EVALUATE);
        byte[] x0;
        String initial;
        if (initialVisible != null) {
            x0 = initialVisible.clone();
            initial = "model chain";
        } else {
            int row = root.child(SeedStreams.INIT).stream().nextInt(data.size());
            x0 = java.util.Arrays.copyOfRange(data.bitsView(), row * d, row * d + d);
            initial = "data row " + row;
        }
        PersistentChain chain = new PersistentChain(new byte[][] {x0},
                new RestorableUniformRandomProvider[] {root.child(SeedStreams.CHAIN).stream()});
        PreciseLikelihood.Result precise = PreciseLikelihood.compute(model, data, chain, options.burnIn(),
                options.chainLength(), progress);
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
        TrajectoryBatches cut = new TrajectoryBatches(traj, states, TrajectoryBatches.DEFAULT_BATCHES);
        ClassKl.Result classes = data.hasLabels() ? ClassKl.of(ClassAssignment.of(model, data, precise.occupancy())) : null;
        double kl = classes != null ? classes.kl() : Double.NaN;
        double klError = Double.NaN;
        if (classes != null && Double.isFinite(kl)) {
            double[] klReps = classKlReplicates(classes.assignment(), traj, cut);
            klError = klReps.length < 2 ? Double.NaN : Jackknife.standardError(klReps);
        }
        double[] reps = sigmaReplicates(traj, counts, cut);
        double sigmaError = reps.length < 2 ? Double.NaN : Jackknife.standardError(reps);
        double[] llReps = likelihoodReplicates(model, data, precise, cut);
        double llError = llReps.length < 2 ? Double.NaN : Jackknife.standardError(llReps);
        return new SparseEvaluation(states, visited, precise.summary(), llError, precise.perPoint(),
                counts.entropyProduction(),
                sigmaError, reps.length, counts.oneWayPairs(), traj.length > 1 ? stay / (double) (traj.length - 1) : 0,
                kl, klError, classes, precise.occupancy(), initial, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * σ of each delete-one-batch replicate, as the dense evaluation's jackknife cuts the trajectory
     * ({@link TrajectoryBatches}: batch {@code k} takes the transitions leaving its states): the full
     * counts minus the batch's own, summed over the pairs seen as {@code a → b} with {@code a < b} (as
     * {@link TransitionCounts#entropyProduction} does; a pair seen only as {@code b → a} is one-way and adds
     * nothing) — no table of {@code 2^L} entries per replicate.
     */
    private static double[] sigmaReplicates(int[] traj, TransitionCounts counts, TrajectoryBatches cut) {
        double[] reps = new double[cut.count()];
        for (int k = 0; k < reps.length; k++) {
            java.util.Map<Long, long[]> own = new java.util.HashMap<>();
            int end = Math.min(cut.start(k + 1), traj.length - 1);
            for (int t = cut.start(k); t < end; t++) {
                own.computeIfAbsent(pair(traj[t], traj[t + 1]), x -> new long[1])[0]++;
            }
            double inv = 1.0 / (counts.total() - (end - cut.start(k)));
            EntropyProductionSum sum = new EntropyProductionSum();
            counts.forEach((a, b, c) -> {
                if (a < b) {
                    long ab = c - ownCount(own, a, b);
                    long ba = counts.count(b, a) - ownCount(own, b, a);
                    sum.add(ab * inv, ba * inv);
                }
            });
            reps[k] = sum.sigma();
        }
        return reps;
    }

    /**
     * The LL of each delete-one-batch replicate to first order: with {@code g = ∂LL/∂p̄} at the full occupancy
     * and {@code G = Σ_t g(z_t)} over the {@code n} states of the trajectory, leaving out batch {@code k}
     * ({@code n_k} states, {@code S_k = Σ_{t ∈ k} g(z_t)}) moves the occupancy by {@code c/(n − n_k) − c/n}
     * and the LL by {@code (G − S_k)/(n − n_k) − G/n}. One sensitivity pass over the visited states, no
     * table of {@code 2^L} entries per replicate.
     */
    private static double[] likelihoodReplicates(Model model, Dataset data, PreciseLikelihood.Result precise,
            TrajectoryBatches cut) {
        int[] traj = precise.trajectory();
        double[] g = LogLikelihood.sensitivity(model, data, precise.occupancy(), precise.perPoint());
        double total = 0;
        for (int z : traj) {
            total += g[z];
        }
        double n = traj.length;
        double ll = precise.summary().mean();
        double[] reps = new double[cut.count()];
        for (int k = 0; k < reps.length; k++) {
            double own = 0;
            for (int t = cut.start(k); t < cut.start(k + 1); t++) {
                own += g[traj[t]];
            }
            double nk = cut.start(k + 1) - cut.start(k);
            reps[k] = ll + (total - own) / (n - nk) - total / n;
        }
        return reps;
    }

    /**
     * The class KL of each delete-one-batch replicate with the assignment held: the model's class fractions
     * of the trajectory without the batch's states, against the data's.
     */
    private static double[] classKlReplicates(ClassAssignment a, int[] traj, TrajectoryBatches cut) {
        int nc = a.classes().length;
        int[] classOf = new int[a.stateClass().length];
        for (int z = 0; z < classOf.length; z++) {
            classOf[z] = a.stateClass()[z] < 0 ? -1 : a.classIndex(a.stateClass()[z]);
        }
        long[] total = new long[nc];
        for (int z : traj) {
            total[classOf[z]]++;
        }
        double[] reps = new double[cut.count()];
        double[] q = new double[nc];
        for (int k = 0; k < reps.length; k++) {
            long[] own = new long[nc];
            for (int t = cut.start(k); t < cut.start(k + 1); t++) {
                own[classOf[traj[t]]]++;
            }
            for (int c = 0; c < nc; c++) {
                q[c] = total[c] - own[c];
            }
            reps[k] = ClassKl.kl(a.dataFractions(), q);
        }
        return reps;
    }

    /** The class KL as a measurement, with its batch jackknife (classes held as assigned). */
    public Measurement classKlMeasurement() {
        return new Measurement(ClassKlDiagnostic.KL, "class KL (Eq. 22)", classKl, classKlError, "nats",
                "delete-one jackknife over " + batches + " contiguous batches of the trajectory, each state's class "
                + "held as assigned (the replicates move the class fractions, not the assignment); " + method(), "");
    }

    /** The precise LL as a measurement: the chain's mean with its Monte-Carlo error (linearized jackknife). */
    public Measurement logLikelihoodMeasurement() {
        return new Measurement(LogLikelihoodResult.PRECISE, "log-likelihood (precise)", logLikelihood.mean(),
                logLikelihoodError, "nats/image", "delete-one jackknife over " + batches + " contiguous batches of "
                + "the trajectory, each replicate's LL to first order in its occupancy; " + method(), "");
    }

    /** σ from the counted transitions, with its batch jackknife and the one-way pairs it skips. */
    public Measurement sigmaCountMeasurement() {
        return new Measurement(EntropyProductionDiagnostic.sigmaKey(CountEstimator.NAME),
                "σ, " + EntropyProductionDiagnostic.label(CountEstimator.NAME), sigmaCount, sigmaCountError,
                EntropyProductionDiagnostic.UNIT, "delete-one jackknife over " + batches + " contiguous batches of "
                + "the trajectory; " + method(), oneWayPairs > 0 ? oneWayPairs + " one-way pair(s) skipped: a lower "
                + "bound" : "");
    }

    /** How the numbers were obtained, for their measurements. */
    public String method() {
        return "sparse evaluation (" + visited + " of " + states + " states visited)";
    }

    private static long pair(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private static long ownCount(java.util.Map<Long, long[]> own, int from, int to) {
        long[] c = own.get(pair(from, to));
        return c == null ? 0 : c[0];
    }
}
