package org.nelc.analysis.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Map;
import org.nelc.api.UserError;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.io.AtomicFiles;

/**
 * Everything {@code nelc evaluate} measures on one model, written as {@code evaluation.json}
 * (schema {@value #SCHEMA} version {@value #SCHEMA_VERSION}). Same model, data and options give the
 * same numbers; only {@link #timings()} varies. Non-finite numbers (an infinite τ or KL) are written
 * as the strings {@code "Infinity"} / {@code "NaN"}.
 *
 * @param logLikelihood the precise log-likelihood (SPEC §6), mean nats per data row
 * @param logLikelihoodStandardError its standard error over data rows
 * @param initialState where the chain started ({@code "model chain"} or {@code "data row N"})
 * @param occupancy the empirical {@code p̄_e} of the trajectory (used by the likelihood)
 * @param count the counted {@code M} and what follows from it
 * @param raoBlackwell the Rao-Blackwellized {@code M} and what follows from it
 * @param classes the class KL (Eq. 22)
 * @param diagnostics every diagnostic's result, by name
 */
public record Evaluation(String schema, int schemaVersion, String nelcVersion, ModelInfo model, DataInfo data,
        long seed, int chainLength, int burnIn, int rbSamples, String initialState, double logLikelihood,
        double logLikelihoodStandardError, double[] occupancy, MatrixSummary count, MatrixSummary raoBlackwell,
        ClassSummary classes, Map<String, DiagnosticResult> diagnostics, Timings timings) {

    public static final String SCHEMA = "nelc-evaluation";
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The model evaluated. */
    public record ModelInfo(int visibleSize, String encoding, String normalization, int units, int states,
            String visibleKernel) {
    }

    /** The data it was evaluated on. */
    public record DataInfo(String source, String fingerprint, int size, Map<Integer, Integer> classCounts) {
    }

    /** Wall-clock seconds of each phase. */
    public record Timings(double preciseLikelihood, double countEstimate, double raoBlackwellEstimate,
            double summaries, double diagnostics, double total) {
    }

    /** {@code Tr(M)/L} is compared with {@code 1/L}: this is that {@code 1/L} for the complete matrix. */
    public double selfTransitionBaseline() {
        return 1.0 / model.states();
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
            return JSON.readValue(json, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new UserError("not an evaluation.json (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Writes {@link #toJson()} atomically. */
    public void write(Path file) {
        AtomicFiles.writeString(file, toJson());
    }
}
