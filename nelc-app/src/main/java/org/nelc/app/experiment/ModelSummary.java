package org.nelc.app.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.analysis.evaluate.ClassSummary;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MatrixSummary;
import org.nelc.core.train.EpochRecord;

/**
 * One model of an ensemble in one row: what {@code summary.csv}/{@code summary.json} hold and what the
 * figures and the claim checks read. Built from the model's {@link Evaluation} (the precise estimators)
 * and its training history.
 *
 * <p><b>Primary estimator.</b> {@link #sigma()}, {@link #tau()}, {@link #selfTransition()} and
 * {@link #cycles()} come from the Rao-Blackwellized {@code M} (SPEC §7): finite by construction and of far
 * lower variance than counts, whose σ skips the one-way pairs — exactly the strongest currents of a
 * nearly deterministic cycle. The count-based values (the paper's estimator) are kept beside them.
 *
 * @param seed the model's seed
 * @param logLikelihood precise log-likelihood, nats per image (SPEC §6)
 * @param logLikelihoodSe its standard error over images
 * @param sigmaCount σ from counted transitions (one-way pairs skipped)
 * @param oneWayPairs pairs the count-based σ skipped
 * @param sigmaRaoBlackwell σ from the Rao-Blackwellized M
 * @param tauCount τ (Eq. 23) of the counted M, double steps
 * @param tauRaoBlackwell τ of the Rao-Blackwellized M
 * @param selfTransitionCount {@code Tr(M)/L} of the counted M
 * @param selfTransitionRaoBlackwell {@code Tr(M)/L} of the Rao-Blackwellized M
 * @param selfTransitionBaseline {@code 1/L}
 * @param classKl KL(P_D ‖ P_e) of Eq. 22, nats ({@code NaN} without labels, {@code ∞} when a class gets no state)
 * @param occupancy p̄ of the evaluation chain
 * @param classes the data's class labels (empty without labels)
 * @param stateClass the class assigned to each latent state, −1 if none
 * @param cycles the dominant cycles of the Rao-Blackwellized M, by decreasing flux
 * @param cleanCycle one cycle through every state with positive flux
 * @param trainingSeconds wall time of training
 * @param finalLogLikelihoodOnTheFly the last epoch's on-the-fly LL
 * @param finalSigmaOnTheFly the last epoch's cheap count-based σ
 */
public record ModelSummary(long seed, double logLikelihood, double logLikelihoodSe, double sigmaCount,
        int oneWayPairs, double sigmaRaoBlackwell, double tauCount, double tauRaoBlackwell, double selfTransitionCount,
        double selfTransitionRaoBlackwell, double selfTransitionBaseline, double classKl, double[] occupancy,
        int[] classes, int[] stateClass, List<Cycle> cycles, boolean cleanCycle, double trainingSeconds,
        double finalLogLikelihoodOnTheFly, double finalSigmaOnTheFly) {

    public ModelSummary {
        occupancy = occupancy.clone();
        classes = classes.clone();
        stateClass = stateClass.clone();
        cycles = List.copyOf(cycles);
    }

    public static ModelSummary of(long seed, Evaluation e, List<EpochRecord> history, double trainingSeconds) {
        MatrixSummary c = e.count();
        MatrixSummary rb = e.raoBlackwell();
        ClassSummary k = e.classes();
        EpochRecord last = history.isEmpty() ? null : history.get(history.size() - 1);
        return new ModelSummary(seed, e.logLikelihood(), e.logLikelihoodStandardError(), c.sigma(), c.oneWayPairs(),
                rb.sigma(), c.tau(), rb.tau(), c.selfTransition(), rb.selfTransition(), rb.selfTransitionBaseline(),
                k.available() ? k.kl() : Double.NaN, e.occupancy(), k.available() ? k.classes() : new int[0],
                k.available() && k.stateClass() != null ? k.stateClass() : new int[0], rb.cycles(), rb.cleanCycle(),
                trainingSeconds, last == null ? Double.NaN : last.logLikelihood(),
                last == null ? Double.NaN : last.sigma());
    }

    /** σ of the primary (Rao-Blackwellized) estimate, nats per double step. */
    public double sigma() {
        return sigmaRaoBlackwell;
    }

    /** τ of the primary estimate, double steps. */
    public double tau() {
        return tauRaoBlackwell;
    }

    /** {@code Tr(M)/L} of the primary estimate. */
    public double selfTransition() {
        return selfTransitionRaoBlackwell;
    }

    /** Number of latent states. */
    public int states() {
        return occupancy.length;
    }

    /** The dominant cycles as text, e.g. {@code 0>3>1>4>2>5 [d0 d0 d1 d1 d2 d2] flux 0.121; …}. */
    public String cyclesText() {
        List<String> parts = new ArrayList<>();
        for (Cycle c : cycles) {
            StringBuilder sb = new StringBuilder();
            int[] s = c.states();
            for (int j = 0; j < s.length; j++) {
                sb.append(j == 0 ? "" : ">").append(s[j]);
            }
            sb.append(" [");
            int[] cl = c.classes();
            for (int j = 0; j < cl.length; j++) {
                sb.append(j == 0 ? "" : " ").append(cl[j] < 0 ? "?" : "d" + cl[j]);
            }
            sb.append(String.format(Locale.ROOT, "] flux %.3g", c.flux()));
            parts.add(sb.toString());
        }
        return String.join("; ", parts);
    }
}
