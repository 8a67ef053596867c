package org.nelc.api.diagnostic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@link Diagnostic} returned: its {@link Measurement}s (numbers with errors, in the order it
 * wants them shown — these are what every output renders), and structured {@code details} that are
 * not single numbers (cycles, matrices, per-class tables: anything Jackson writes as JSON; they reach
 * {@code evaluation.json} and the figures that know them).
 *
 * @param diagnostic the diagnostic's name
 * @param status {@link Status#OK}; {@link Status#NOT_AVAILABLE} when the diagnostic does not apply to
 *     this model or data (e.g. class KL without labels); {@link Status#FAILED} when it threw
 * @param message why it is not available or failed; empty when OK
 */
public record DiagnosticResult(String diagnostic, Status status, String message, List<Measurement> measurements,
        Map<String, Object> details) {

    /** Whether a diagnostic produced its numbers. */
    public enum Status { OK, NOT_AVAILABLE, FAILED }

    public DiagnosticResult {
        Objects.requireNonNull(diagnostic, "diagnostic");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        measurements = List.copyOf(measurements);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        long distinct = measurements.stream().map(Measurement::key).distinct().count();
        if (distinct != measurements.size()) {
            throw new IllegalArgumentException(diagnostic + ": two measurements share a key");
        }
    }

    /** A result with measurements and details. */
    public static DiagnosticResult of(String diagnostic, List<Measurement> measurements, Map<String, Object> details) {
        return new DiagnosticResult(diagnostic, Status.OK, "", measurements, details);
    }

    /** The diagnostic does not apply here; {@code why} is shown in its place (e.g. "needs labels"). */
    public static DiagnosticResult notAvailable(String diagnostic, String why) {
        return new DiagnosticResult(diagnostic, Status.NOT_AVAILABLE, why, List.of(), Map.of());
    }

    /** The diagnostic threw; the rest of the evaluation is still written. */
    public static DiagnosticResult failed(String diagnostic, String reason) {
        return new DiagnosticResult(diagnostic, Status.FAILED, reason, List.of(), Map.of());
    }

    /** The measurement named {@code key}. */
    public Measurement measurement(String key) {
        for (Measurement m : measurements) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException(diagnostic + ": no measurement '" + key + "' (has "
                + measurements.stream().map(Measurement::key).toList() + ")");
    }

    /** The value of the measurement named {@code key}. */
    public double number(String key) {
        return measurement(key).value();
    }
}
