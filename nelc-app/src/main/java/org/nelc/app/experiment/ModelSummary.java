package org.nelc.app.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nelc.analysis.classes.ClassKlDiagnostic;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.analysis.cycles.CyclesDiagnostic;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.app.report.MeasurementText;
import org.nelc.app.report.MeasurementText;
import org.nelc.core.train.EpochRecord;

/**
 * One model of an ensemble in one row: what {@code summary.csv}/{@code summary.json} hold and what the
 * figures and the claim checks read. Its numbers are its {@link Evaluation}'s diagnostic results, as they
 * are — every measurement with its error, built-in or plugin — read by {@link MeasurementKey}; beside
 * them the structures the claims need (occupancy, the class of each state, the dominant cycles of the
 * Rao-Blackwellized {@code M}, from the diagnostics' details) and the training history's last values.
 *
 * <p><b>Primary estimator.</b> {@link #sigma()}, {@link #tau()}, {@link #selfTransition()} and
 * {@link #cycles()} are those of the Rao-Blackwellized {@code M} (docs/model.md §7): finite by construction and of
 * far lower variance than counts, whose σ skips the one-way pairs — exactly the strongest currents of a
 * nearly deterministic cycle. The count-based values (the paper's estimator) are kept beside them.
 *
 * @param seed the model's seed
 * @param diagnostics the evaluation's results, in order (the precise log-likelihood first)
 * @param occupancy p̄ of the evaluation chain
 * @param classes the data's class labels (empty without labels)
 * @param stateClass the class assigned to each latent state, −1 if none
 * @param cycles the dominant cycles of the Rao-Blackwellized M, by decreasing flux
 * @param cleanCycle one cycle through every state with positive flux
 * @param trainingSeconds wall time of training
 * @param finalLogLikelihoodOnTheFly the last epoch's on-the-fly LL
 * @param finalSigmaOnTheFly the last epoch's cheap count-based σ
 */
public record ModelSummary(long seed, List<DiagnosticResult> diagnostics, double[] occupancy, int[] classes,
        int[] stateClass, List<Cycle> cycles, boolean cleanCycle, double trainingSeconds,
        double finalLogLikelihoodOnTheFly, double finalSigmaOnTheFly) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelSummary {
        diagnostics = List.copyOf(diagnostics);
        occupancy = occupancy.clone();
        classes = classes.clone();
        stateClass = stateClass.clone();
        cycles = List.copyOf(cycles);
    }

    public static ModelSummary of(long seed, Evaluation e, List<EpochRecord> history, double trainingSeconds) {
        EpochRecord last = history.isEmpty() ? null : history.get(history.size() - 1);
        DiagnosticResult kl = e.result(ClassKlDiagnostic.NAME);
        DiagnosticResult cy = e.result(CyclesDiagnostic.NAME);
        String rb = RaoBlackwellEstimator.NAME;
        boolean labels = kl != null && kl.status() == DiagnosticResult.Status.OK;
        boolean cyc = cy != null && cy.status() == DiagnosticResult.Status.OK;
        return builder().seed(seed).diagnostics(e.diagnostics()).occupancy(e.occupancy())
                .classes(labels ? detail(kl, "classes", int[].class) : new int[0])
                .stateClass(labels ? detail(kl, "stateClass", int[].class) : new int[0])
                .cycles(cyc ? detail(cy, CyclesDiagnostic.cyclesKey(rb), new TypeReference<List<Cycle>>() { })
                        : List.of())
                .cleanCycle(cyc && Boolean.TRUE.equals(cy.details().get(CyclesDiagnostic.cleanKey(rb))))
                .trainingSeconds(trainingSeconds)
                .finalLogLikelihoodOnTheFly(last == null ? Double.NaN : last.logLikelihood())
                .finalSigmaOnTheFly(last == null ? Double.NaN : last.sigma()).build();
    }

    /** A detail as read from JSON or as the diagnostic put it (both convert the same way). */
    private static <T> T detail(DiagnosticResult r, String key, Class<T> type) {
        return JSON.convertValue(r.details().get(key), type);
    }

    private static <T> T detail(DiagnosticResult r, String key, TypeReference<T> type) {
        return JSON.convertValue(r.details().get(key), type);
    }

    /** The measurement at {@code key}, or null when absent. */
    public Measurement measurement(MeasurementKey key) {
        return key.in(diagnostics);
    }

    /** Its value, NaN when absent. */
    public double value(MeasurementKey key) {
        return key.valueIn(diagnostics);
    }

    /** Its standard error, NaN when absent or not estimated. */
    public double standardError(MeasurementKey key) {
        Measurement m = measurement(key);
        return m == null ? Double.NaN : m.standardError();
    }

    /** The measurement as every output writes it ({@link MeasurementText}), {@code n/a} when absent. */
    public String text(MeasurementKey key) {
        Measurement m = measurement(key);
        return m == null ? "n/a" : MeasurementText.valueWithError(m);
    }

    /**
     * This row with the values at {@code keys} replaced (standard errors and the rest kept): a draw of
     * the numbers within their errors, for the robustness of the claims.
     */
    public ModelSummary withValues(Map<MeasurementKey, Double> values) {
        List<DiagnosticResult> out = new ArrayList<>(diagnostics.size());
        for (DiagnosticResult r : diagnostics) {
            List<Measurement> ms = new ArrayList<>(r.measurements().size());
            for (Measurement m : r.measurements()) {
                Double v = values.get(new MeasurementKey(r.diagnostic(), m.key()));
                ms.add(v == null ? m : m.withValue(v));
            }
            out.add(new DiagnosticResult(r.diagnostic(), r.status(), r.message(), ms, r.details()));
        }
        return toBuilder().diagnostics(out).build();
    }

    /** The precise log-likelihood, nats per image (docs/model.md §6). */
    @JsonIgnore
    public double logLikelihood() {
        return value(MeasurementKey.LOG_LIKELIHOOD);
    }

    /** σ of the primary (Rao-Blackwellized) estimate, nats per double step. */
    @JsonIgnore
    public double sigma() {
        return value(MeasurementKey.SIGMA);
    }

    /** τ of the primary estimate, double steps. */
    @JsonIgnore
    public double tau() {
        return value(MeasurementKey.TAU);
    }

    /** {@code Tr(M)/L} of the primary estimate. */
    @JsonIgnore
    public double selfTransition() {
        return value(MeasurementKey.SELF_TRANSITION);
    }

    /** {@code 1/L}. */
    @JsonIgnore
    public double selfTransitionBaseline() {
        return value(MeasurementKey.SELF_TRANSITION_BASELINE);
    }

    /** KL(P_D ‖ P_e) of Eq. 22, nats; NaN without labels, {@code ∞} when a class gets no state. */
    @JsonIgnore
    public double classKl() {
        return value(MeasurementKey.CLASS_KL);
    }

    /** Number of latent states. */
    @JsonIgnore
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

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().seed(seed).diagnostics(diagnostics).occupancy(occupancy).classes(classes)
                .stateClass(stateClass).cycles(cycles).cleanCycle(cleanCycle).trainingSeconds(trainingSeconds)
                .finalLogLikelihoodOnTheFly(finalLogLikelihoodOnTheFly).finalSigmaOnTheFly(finalSigmaOnTheFly);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private long seed;
        private List<DiagnosticResult> diagnostics;
        private double[] occupancy;
        private int[] classes;
        private int[] stateClass;
        private List<Cycle> cycles;
        private boolean cleanCycle;
        private double trainingSeconds;
        private double finalLogLikelihoodOnTheFly;
        private double finalSigmaOnTheFly;

        private Builder() {
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder diagnostics(List<DiagnosticResult> v) {
            diagnostics = v;
            return this;
        }

        public Builder occupancy(double[] v) {
            occupancy = v;
            return this;
        }

        public Builder classes(int[] v) {
            classes = v;
            return this;
        }

        public Builder stateClass(int[] v) {
            stateClass = v;
            return this;
        }

        public Builder cycles(List<Cycle> v) {
            cycles = v;
            return this;
        }

        public Builder cleanCycle(boolean v) {
            cleanCycle = v;
            return this;
        }

        public Builder trainingSeconds(double v) {
            trainingSeconds = v;
            return this;
        }

        public Builder finalLogLikelihoodOnTheFly(double v) {
            finalLogLikelihoodOnTheFly = v;
            return this;
        }

        public Builder finalSigmaOnTheFly(double v) {
            finalSigmaOnTheFly = v;
            return this;
        }

        public ModelSummary build() {
            return new ModelSummary(seed, diagnostics, occupancy, classes, stateClass, cycles, cleanCycle,
                    trainingSeconds, finalLogLikelihoodOnTheFly, finalSigmaOnTheFly);
        }
    }
}
