package org.nelc.app.baseline;

import java.util.Locale;

/**
 * One trained model (or EM fit) in {@code nelc compare}.
 *
 * @param model {@code neq}, {@code rbm-pcd}, {@code rbm-exact} or {@code em}
 * @param learningRate the grid point the run was trained at (NaN for EM, which has none)
 * @param selected whether the run is at its model's chosen grid point ({@link LearningRateGrid}); every EM
 *     restart is selected
 * @param role {@code best}, {@code median}, {@code worst} among the selected runs of its model (ranked by
 *     {@link #logLikelihood()}), or empty
 * @param seed the training seed (EM: the restart)
 * @param logLikelihood the log-likelihood the comparison uses, nats per image: the exact one when it is
 *     known (RBM: closed-form partition function; EM: the mixture's), else the precise one from a long
 *     chain's occupancy (NEQ, docs/model.md §6)
 * @param standardError its standard error over data rows
 * @param method {@code exact} or {@code chain}
 * @param chainLogLikelihood the precise log-likelihood from the chain (all models; for RBM and EM it
 *     shows how well their own chain mixes), NaN when not evaluated
 * @param chainStandardError its standard error
 * @param sigmaCount σ (Eq. 21) from counted transitions, one-way pairs skipped, nats per double step
 * @param oneWayPairs pairs seen in one direction only (skipped in {@code sigmaCount})
 * @param sigmaRaoBlackwell σ from the Rao-Blackwellized M (finite by construction)
 * @param tau decorrelation time (Eq. 23) of the Rao-Blackwellized M, double steps
 * @param classKl KL of Eq. 22 (nats), with the exact latent marginal for RBM and EM and the occupancy
 *     for NEQ; NaN without labels
 * @param gapToEm {@code logLikelihood − logLikelihood(EM best)}, nats per image (negative: below EM)
 * @param gapStandardError the standard error of that gap over the data rows, paired (the mean of the
 *     per-row differences {@code log p(x) − log p_EM(x)}): far smaller than either log-likelihood's own
 *     standard error, since both models find the same images hard
 * @param gapToNeq {@code logLikelihood − logLikelihood(best NEQ run at NEQ's chosen grid point)}
 * @param gapToNeqStandardError its paired standard error over the data rows, as for {@code gapStandardError}
 * @param trainSeconds wall time of training (EM: of the restart)
 * @param evalSeconds wall time of the evaluation
 * @param cpuSeconds CPU time of the whole job (training and evaluation; EM: the restart)
 * @param directory where the run's files are, relative to the comparison's directory
 */
public record ComparisonRow(String model, double learningRate, boolean selected, String role, long seed,
        double logLikelihood, double standardError, String method, double chainLogLikelihood,
        double chainStandardError, double sigmaCount, int oneWayPairs, double sigmaRaoBlackwell, double tau,
        double classKl, double gapToEm, double gapStandardError, double gapToNeq, double gapToNeqStandardError,
        double trainSeconds, double evalSeconds, double cpuSeconds, String directory) {

    public ComparisonRow withSelection(boolean newSelected, String newRole) {
        return new ComparisonRow(model, learningRate, newSelected, newRole, seed, logLikelihood, standardError, method,
                chainLogLikelihood, chainStandardError, sigmaCount, oneWayPairs, sigmaRaoBlackwell, tau, classKl,
                gapToEm, gapStandardError, gapToNeq, gapToNeqStandardError, trainSeconds, evalSeconds, cpuSeconds,
                directory);
    }

    /** With both paired gaps: to the best EM fit and to the best selected NEQ run (NaN when absent). */
    public ComparisonRow withGaps(double toEm, double toEmSe, double toNeq, double toNeqSe) {
        return new ComparisonRow(model, learningRate, selected, role, seed, logLikelihood, standardError, method,
                chainLogLikelihood, chainStandardError, sigmaCount, oneWayPairs, sigmaRaoBlackwell, tau, classKl,
                toEm, toEmSe, toNeq, toNeqSe, trainSeconds, evalSeconds, cpuSeconds, directory);
    }

    public static final String CSV_HEADER = "model,lr,selected,role,seed,ll,ll_se,ll_method,ll_chain,ll_chain_se,"
            + "sigma_count,one_way_pairs,sigma_rb,tau_rb,class_kl,gap_to_em,gap_se,gap_to_neq,gap_to_neq_se,train_s,"
            + "eval_s,cpu_s,directory";

    public String csv() {
        return String.join(",", model, num(learningRate), Boolean.toString(selected), role, Long.toString(seed),
                num(logLikelihood), num(standardError), method, num(chainLogLikelihood), num(chainStandardError),
                num(sigmaCount), Integer.toString(oneWayPairs), num(sigmaRaoBlackwell), num(tau), num(classKl),
                num(gapToEm), num(gapStandardError), num(gapToNeq), num(gapToNeqStandardError),
                String.format(Locale.ROOT, "%.3f", trainSeconds), String.format(Locale.ROOT, "%.3f", evalSeconds),
                String.format(Locale.ROOT, "%.3f", cpuSeconds), directory);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
