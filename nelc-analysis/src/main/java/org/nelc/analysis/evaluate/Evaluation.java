package org.nelc.analysis.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.core.Version;
import org.nelc.core.model.Model;
import org.nelc.api.io.AtomicFiles;

/**
 * Everything {@code nelc evaluate} measures on one model, written as {@code evaluation.json}
 * (schema {@value #SCHEMA} version {@value #SCHEMA_VERSION}). Every number is in {@link #diagnostics()}:
 * the precise log-likelihood first ({@link LogLikelihoodResult}), then each diagnostic's result — built-in
 * and plugin alike, in the order they ran, each with its measurements (value, standard error, unit,
 * method, note), details and status. Same model, data and options give the same numbers; only
 * {@link #timings()} varies. Non-finite numbers (an infinite τ or KL) are written as the strings
 * {@code "Infinity"} / {@code "NaN"}.
 *
 * @param initialState where the chain started ({@code "model chain"} or {@code "data row N"})
 * @param occupancy the empirical {@code p̄_e} of the trajectory (used by the likelihood)
 * @param transitions the estimates of {@code M} (counted, Rao-Blackwellized)
 * @param diagnostics every result, in order
 * @param precision σ's relative standard error the Rao-Blackwellized draws grew for (0 in files written
 *     before it was recorded)
 * @param modelFingerprint {@code sha256:<hex>} of the bytes of the model file evaluated, set by whoever
 *     read or wrote that file ({@link #forModel}); null when unknown (an in-memory model, an older file)
 */
public record Evaluation(String schema, int schemaVersion, String nelcVersion, ModelInfo model, DataInfo data,
        long seed, int chainLength, int burnIn, int rbSamples, String initialState, double[] occupancy,
        List<MatrixSummary> transitions, List<DiagnosticResult> diagnostics, Timings timings, double precision,
        String modelFingerprint) {

    public static final String SCHEMA = "nelc-evaluation";
    /** 2: every number moved into {@code diagnostics} as measurements (issue 10). */
    public static final int SCHEMA_VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Evaluation {
        transitions = List.copyOf(transitions);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The model evaluated. */
    public record ModelInfo(int visibleSize, String encoding, String normalization, int units, int states,
            String visibleKernel) {
        /** What {@code evaluation.json} records of {@code model}. */
        public static ModelInfo of(Model model) {
            var latent = model.latent();
            return new ModelInfo(model.visibleSize(), latent.encoding(), latent.normalization(), latent.units(),
                    latent.states(), model.visible().name());
        }
    }

    /** The data it was evaluated on. */
    public record DataInfo(String source, String fingerprint, int size, Map<Integer, Integer> classCounts) {
    }

    /** Wall-clock seconds of each phase. */
    public record Timings(double preciseLikelihood, double countEstimate, double raoBlackwellEstimate,
            double diagnostics, double total) {
    }

    /** This evaluation, recorded as that of the model file whose bytes have {@code fingerprint}. */
    public Evaluation forModel(String fingerprint) {
        return toBuilder().modelFingerprint(fingerprint).build();
    }

    /** The result of the named diagnostic, or null when it did not run. */
    public DiagnosticResult result(String diagnostic) {
        for (DiagnosticResult r : diagnostics) {
            if (r.diagnostic().equals(diagnostic)) {
                return r;
            }
        }
        return null;
    }

    /** The measurement at {@code key}, or null when absent (diagnostic not run, failed, not available). */
    public Measurement measurement(MeasurementKey key) {
        return key.in(diagnostics);
    }

    /** The value at {@code key}, NaN when absent. */
    public double value(MeasurementKey key) {
        return key.valueIn(diagnostics);
    }

    /** The precise log-likelihood, nats per image. */
    public double logLikelihood() {
        return value(MeasurementKey.LOG_LIKELIHOOD);
    }

    /** The estimate of {@code M} by the named estimator, or null. */
    public MatrixSummary transition(String estimator) {
        for (MatrixSummary m : transitions) {
            if (m.estimator().equals(estimator)) {
                return m;
            }
        }
        return null;
    }

    /** The counted {@code M}. */
    public MatrixSummary count() {
        return transition(CountEstimator.NAME);
    }

    /** The Rao-Blackwellized {@code M}. */
    public MatrixSummary raoBlackwell() {
        return transition(RaoBlackwellEstimator.NAME);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Evaluation fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
                throw new UserError("not an evaluation.json (schema '" + (root == null ? "" : root.path("schema")
                        .asText()) + "', expected '" + SCHEMA + "')");
            }
            int version = root.path("schemaVersion").asInt(-1);
            if (version != SCHEMA_VERSION) {
                throw new UserError("evaluation.json has schema version " + version + ", this nelc reads "
                        + SCHEMA_VERSION + ": evaluate the model again (nelc evaluate MODEL.json)");
            }
            return JSON.readValue(json, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new UserError("not an evaluation.json (" + org.nelc.core.io.JsonErrors.describe(e) + ")", e);
        }
    }

    /** Writes {@link #toJson()} atomically. */
    public void write(Path file) {
        AtomicFiles.writeString(file, toJson());
    }

    /** Whether {@code details} (any diagnostic's) can be written as JSON. */
    static void checkWritable(Object details) throws JsonProcessingException {
        JSON.writeValueAsString(details);
    }

    /** A builder for this nelc's schema ({@value #SCHEMA} version {@value #SCHEMA_VERSION}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().schema(schema).schemaVersion(schemaVersion).nelcVersion(nelcVersion).model(model)
                .data(data).seed(seed).chainLength(chainLength).burnIn(burnIn).rbSamples(rbSamples)
                .initialState(initialState).occupancy(occupancy).transitions(transitions).diagnostics(diagnostics)
                .timings(timings).precision(precision).modelFingerprint(modelFingerprint);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private String schema = SCHEMA;
        private int schemaVersion = SCHEMA_VERSION;
        private String nelcVersion = Version.VERSION;
        private ModelInfo model;
        private DataInfo data;
        private long seed;
        private int chainLength;
        private int burnIn;
        private int rbSamples;
        private String initialState;
        private double[] occupancy;
        private List<MatrixSummary> transitions;
        private List<DiagnosticResult> diagnostics;
        private Timings timings;
        private double precision;
        private String modelFingerprint;

        private Builder() {
        }

        public Builder schema(String v) {
            schema = v;
            return this;
        }

        public Builder schemaVersion(int v) {
            schemaVersion = v;
            return this;
        }

        public Builder nelcVersion(String v) {
            nelcVersion = v;
            return this;
        }

        public Builder model(ModelInfo v) {
            model = v;
            return this;
        }

        public Builder data(DataInfo v) {
            data = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder chainLength(int v) {
            chainLength = v;
            return this;
        }

        public Builder burnIn(int v) {
            burnIn = v;
            return this;
        }

        public Builder rbSamples(int v) {
            rbSamples = v;
            return this;
        }

        public Builder initialState(String v) {
            initialState = v;
            return this;
        }

        public Builder occupancy(double[] v) {
            occupancy = v;
            return this;
        }

        public Builder transitions(List<MatrixSummary> v) {
            transitions = v;
            return this;
        }

        public Builder diagnostics(List<DiagnosticResult> v) {
            diagnostics = v;
            return this;
        }

        public Builder timings(Timings v) {
            timings = v;
            return this;
        }

        public Builder precision(double v) {
            precision = v;
            return this;
        }

        public Builder modelFingerprint(String v) {
            modelFingerprint = v;
            return this;
        }

        public Evaluation build() {
            return new Evaluation(schema, schemaVersion, nelcVersion, model, data, seed, chainLength, burnIn,
                    rbSamples, initialState, occupancy, transitions, diagnostics, timings, precision,
                    modelFingerprint);
        }
    }
}
