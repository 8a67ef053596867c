package org.nelc.app.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.app.report.MeasurementColumns;

/**
 * One trained model (or EM fit) in {@code nelc compare}: what the comparison itself decides (the LL it
 * ranks by, the grid selection, the paired gaps, the times) and the run's evaluation as its diagnostics
 * returned it — every measurement with its error, built-in or plugin — which {@code compare.csv/json}
 * render generically ({@link MeasurementColumns}), as {@code summary.csv/json} do. Built with
 * {@link #builder()}.
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
 * @param classKl KL of Eq. 22 (nats) the comparison uses: with the exact latent marginal for RBM and EM, the
 *     occupancy for NEQ; NaN without labels
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
 * @param diagnostics the evaluation's results in order (the chain's LL, σ and τ under both M, class KL,
 *     plugins' measurements); empty when the run was not evaluated
 * @param notEvaluated why there are no diagnostics (an EM restart other than the best has only its exact
 *     LL), empty when evaluated
 */
public record ComparisonRow(String model, double learningRate, boolean selected, String role, long seed,
        double logLikelihood, double standardError, String method, double classKl, double gapToEm,
        double gapStandardError, double gapToNeq, double gapToNeqStandardError, double trainSeconds,
        double evalSeconds, double cpuSeconds, String directory, List<DiagnosticResult> diagnostics,
        String notEvaluated) {

    public ComparisonRow {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The columns before the measurements; {@code not_computed} follows them. */
    public static final String CSV_LEAD = "model,lr,selected,role,seed,ll,ll_se,ll_method,class_kl,gap_to_em,gap_se,"
            + "gap_to_neq,gap_to_neq_se,train_s,eval_s,cpu_s,directory";

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().model(model).learningRate(learningRate).selected(selected).role(role).seed(seed)
                .logLikelihood(logLikelihood, standardError, method).classKl(classKl)
                .gapToEm(gapToEm, gapStandardError).gapToNeq(gapToNeq, gapToNeqStandardError)
                .seconds(trainSeconds, evalSeconds, cpuSeconds).directory(directory).diagnostics(diagnostics)
                .notEvaluated(notEvaluated);
    }

    public ComparisonRow withSelection(boolean newSelected, String newRole) {
        return toBuilder().selected(newSelected).role(newRole).build();
    }

    /** With both paired gaps: to the best EM fit and to the best selected NEQ run (NaN when absent). */
    public ComparisonRow withGaps(double toEm, double toEmSe, double toNeq, double toNeqSe) {
        return toBuilder().gapToEm(toEm, toEmSe).gapToNeq(toNeq, toNeqSe).build();
    }

    /** The precise LL of the run's own evaluation chain (for RBM and EM: how well their chain mixes), NaN if none. */
    public double chainLogLikelihood() {
        return MeasurementKey.LOG_LIKELIHOOD.valueIn(diagnostics);
    }

    /** The chain LL's spread over the data rows / √rows. */
    public double chainStandardError() {
        return MeasurementKey.LOG_LIKELIHOOD_DATA_SE.valueIn(diagnostics);
    }

    /** σ (Eq. 21) of the counted M, one-way pairs skipped (a lower bound), nats per double step. */
    public double sigmaCount() {
        return MeasurementKey.SIGMA_COUNT.valueIn(diagnostics);
    }

    /** σ of the Rao-Blackwellized M, NaN when not computed (sparse evaluation, EM restarts). */
    public double sigmaRaoBlackwell() {
        return MeasurementKey.SIGMA.valueIn(diagnostics);
    }

    /** τ (Eq. 23) of the Rao-Blackwellized M, double steps. */
    public double tau() {
        return MeasurementKey.TAU.valueIn(diagnostics);
    }

    /** The row's {@code not_computed}: why it has no diagnostics, or the diagnostics that gave no numbers. */
    public String notComputed() {
        return notEvaluated.isEmpty() ? MeasurementColumns.notComputed(diagnostics) : notEvaluated;
    }

    /** The CSV header: the comparison's columns, every measurement of {@code columns} with its s.e., why not. */
    public static String csvHeader(List<MeasurementKey> columns) {
        List<String> h = new ArrayList<>(List.of(CSV_LEAD));
        h.addAll(MeasurementColumns.header(columns));
        h.add("not_computed");
        return String.join(",", h);
    }

    /** This row's CSV fields for {@code columns} (empty where it lacks a measurement), joined. */
    public String csv(List<MeasurementKey> columns) {
        List<String> f = new ArrayList<>(List.of(model, num(learningRate), Boolean.toString(selected), role,
                Long.toString(seed), num(logLikelihood), num(standardError), method, num(classKl), num(gapToEm),
                num(gapStandardError), num(gapToNeq), num(gapToNeqStandardError),
                String.format(Locale.ROOT, "%.3f", trainSeconds), String.format(Locale.ROOT, "%.3f", evalSeconds),
                String.format(Locale.ROOT, "%.3f", cpuSeconds), directory));
        f.addAll(MeasurementColumns.fields(diagnostics, columns));
        f.add('"' + notComputed().replace("\"", "'") + '"');
        return String.join(",", f);
    }

    /** This row for {@code compare.json}: the comparison's fields, then the measurements and what was not computed. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("learningRate", learningRate);
        m.put("selected", selected);
        m.put("role", role);
        m.put("seed", seed);
        m.put("logLikelihood", logLikelihood);
        m.put("standardError", standardError);
        m.put("method", method);
        m.put("classKl", classKl);
        m.put("gapToEm", gapToEm);
        m.put("gapStandardError", gapStandardError);
        m.put("gapToNeq", gapToNeq);
        m.put("gapToNeqStandardError", gapToNeqStandardError);
        m.put("trainSeconds", trainSeconds);
        m.put("evalSeconds", evalSeconds);
        m.put("cpuSeconds", cpuSeconds);
        m.put("directory", directory);
        m.put("measurements", MeasurementColumns.values(diagnostics));
        m.put("notComputed", MeasurementColumns.missing(diagnostics));
        if (!notEvaluated.isEmpty()) {
            m.put("notEvaluated", notEvaluated);
        }
        return m;
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** Named settings for a row; unset numbers are NaN, unset texts empty, no diagnostics. */
    public static final class Builder {
        private String model = "";
        private double learningRate = Double.NaN;
        private boolean selected;
        private String role = "";
        private long seed;
        private double logLikelihood = Double.NaN;
        private double standardError = Double.NaN;
        private String method = "";
        private double classKl = Double.NaN;
        private double gapToEm = Double.NaN;
        private double gapStandardError = Double.NaN;
        private double gapToNeq = Double.NaN;
        private double gapToNeqStandardError = Double.NaN;
        private double trainSeconds;
        private double evalSeconds;
        private double cpuSeconds;
        private String directory = "";
        private List<DiagnosticResult> diagnostics = List.of();
        private String notEvaluated = "";

        private Builder() {
        }

        public Builder model(String v) {
            model = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder selected(boolean v) {
            selected = v;
            return this;
        }

        public Builder role(String v) {
            role = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** The LL the comparison ranks by, its standard error over the data rows, and {@code exact}/{@code chain}. */
        public Builder logLikelihood(double value, double se, String how) {
            logLikelihood = value;
            standardError = se;
            method = how;
            return this;
        }

        public Builder classKl(double v) {
            classKl = v;
            return this;
        }

        public Builder gapToEm(double gap, double se) {
            gapToEm = gap;
            gapStandardError = se;
            return this;
        }

        public Builder gapToNeq(double gap, double se) {
            gapToNeq = gap;
            gapToNeqStandardError = se;
            return this;
        }

        /** Wall time of training and of the evaluation, CPU time of the whole job. */
        public Builder seconds(double train, double eval, double cpu) {
            trainSeconds = train;
            evalSeconds = eval;
            cpuSeconds = cpu;
            return this;
        }

        public Builder directory(String v) {
            directory = v;
            return this;
        }

        public Builder diagnostics(List<DiagnosticResult> v) {
            diagnostics = v;
            return this;
        }

        public Builder notEvaluated(String why) {
            notEvaluated = why;
            return this;
        }

        public ComparisonRow build() {
            return new ComparisonRow(model, learningRate, selected, role, seed, logLikelihood, standardError, method,
                    classKl, gapToEm, gapStandardError, gapToNeq, gapToNeqStandardError, trainSeconds, evalSeconds,
                    cpuSeconds, directory, diagnostics, notEvaluated);
        }
    }
}
