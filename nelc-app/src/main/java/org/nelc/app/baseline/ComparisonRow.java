package org.nelc.app.baseline;

/**
 * One trained model (or EM fit) in {@code nelc compare}.
 *
 * @param model {@code neq}, {@code rbm-pcd}, {@code rbm-exact} or {@code em}
 * @param role {@code best}, {@code median}, {@code worst} among the runs of its model (ranked by
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
 * @param trainSeconds wall time of training (EM: of the restart)
 * @param evalSeconds wall time of the evaluation
 * @param directory where the run's files are, relative to the comparison's directory
 */
public record ComparisonRow(String model, String role, long seed, double logLikelihood, double standardError,
        String method, double chainLogLikelihood, double chainStandardError, double sigmaCount, int oneWayPairs,
        double sigmaRaoBlackwell, double tau, double classKl, double gapToEm, double gapStandardError,
        double trainSeconds, double evalSeconds, String directory) {

    public ComparisonRow withRole(String newRole) {
        return new ComparisonRow(model, newRole, seed, logLikelihood, standardError, method, chainLogLikelihood,
                chainStandardError, sigmaCount, oneWayPairs, sigmaRaoBlackwell, tau, classKl, gapToEm,
                gapStandardError, trainSeconds, evalSeconds, directory);
    }

    public ComparisonRow withGap(double emLogLikelihood) {
        return new ComparisonRow(model, role, seed, logLikelihood, standardError, method, chainLogLikelihood,
                chainStandardError, sigmaCount, oneWayPairs, sigmaRaoBlackwell, tau, classKl,
                logLikelihood - emLogLikelihood, gapStandardError, trainSeconds, evalSeconds, directory);
    }

    public ComparisonRow withGapStandardError(double se) {
        return new ComparisonRow(model, role, seed, logLikelihood, standardError, method, chainLogLikelihood,
                chainStandardError, sigmaCount, oneWayPairs, sigmaRaoBlackwell, tau, classKl, gapToEm, se,
                trainSeconds, evalSeconds, directory);
    }

    public static final String CSV_HEADER = "model,role,seed,ll,ll_se,ll_method,ll_chain,ll_chain_se,sigma_count,"
            + "one_way_pairs,sigma_rb,tau_rb,class_kl,gap_to_em,gap_se,train_s,eval_s,directory";

    public String csv() {
        return String.join(",", model, role, Long.toString(seed), num(logLikelihood), num(standardError), method,
                num(chainLogLikelihood), num(chainStandardError), num(sigmaCount), Integer.toString(oneWayPairs),
                num(sigmaRaoBlackwell), num(tau), num(classKl), num(gapToEm), num(gapStandardError),
                String.format(java.util.Locale.ROOT, "%.3f", trainSeconds),
                String.format(java.util.Locale.ROOT, "%.3f", evalSeconds), directory);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
