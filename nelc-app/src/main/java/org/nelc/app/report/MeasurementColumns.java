package org.nelc.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;

/**
 * How every file with one row per evaluated model ({@code summary.csv/json}, {@code sweep collect}'s
 * summary, {@code compare.csv/json}) writes the row's diagnostic results: whatever measurements the
 * diagnostics returned, built-in or plugin alike, each a column {@code <diagnostic>.<key>} with its
 * standard error {@code <diagnostic>.<key>.se}; in JSON a legend (description, unit, method) once and per
 * row the value, standard error and note; the diagnostics that gave no numbers, with why. A row is the
 * list of results of one evaluation; nothing here knows which diagnostics exist.
 */
public final class MeasurementColumns {
    private MeasurementColumns() {
    }

    /** Every measurement any row has, in the order first met (rows in order, each in its diagnostics' order). */
    public static List<MeasurementKey> of(List<List<DiagnosticResult>> rows) {
        Set<MeasurementKey> keys = new LinkedHashSet<>();
        for (List<DiagnosticResult> row : rows) {
            for (DiagnosticResult d : row) {
                for (Measurement m : d.measurements()) {
                    keys.add(new MeasurementKey(d.diagnostic(), m.key()));
                }
            }
        }
        return List.copyOf(keys);
    }

    /** The CSV header fields of these columns: {@code column, column.se} for each. */
    public static List<String> header(List<MeasurementKey> columns) {
        List<String> h = new ArrayList<>();
        for (MeasurementKey k : columns) {
            h.add(k.column());
            h.add(k.column() + ".se");
        }
        return h;
    }

    /** One row's CSV fields for these columns: value and standard error, empty where the row lacks it. */
    public static List<String> fields(List<DiagnosticResult> row, List<MeasurementKey> columns) {
        List<String> f = new ArrayList<>();
        for (MeasurementKey k : columns) {
            Measurement m = k.in(row);
            f.add(m == null ? "" : num(m.value()));
            f.add(m == null ? "" : num(m.standardError()));
        }
        return f;
    }

    /** The diagnostics that gave no numbers, with why: {@code "class-kl: needs labels; x: failed: …"}. */
    public static String notComputed(List<DiagnosticResult> row) {
        List<String> out = new ArrayList<>();
        for (DiagnosticResult d : row) {
            if (d.status() != DiagnosticResult.Status.OK) {
                out.add(d.diagnostic() + ": " + (d.status() == DiagnosticResult.Status.FAILED ? "failed: " : "")
                        + d.message());
            }
        }
        return String.join("; ", out);
    }

    /** What each column is (description, unit, method), from the first row that has it. */
    public static Map<String, Object> legend(List<List<DiagnosticResult>> rows, List<MeasurementKey> columns) {
        Map<String, Object> legend = new LinkedHashMap<>();
        for (MeasurementKey k : columns) {
            for (List<DiagnosticResult> row : rows) {
                Measurement m = k.in(row);
                if (m != null) {
                    legend.put(k.column(), Map.of("description", m.description(), "unit", m.unit(), "method",
                            m.method()));
                    break;
                }
            }
        }
        return legend;
    }

    /** One row's measurements for JSON: column → value, standard error and (when there is one) note. */
    public static Map<String, Object> values(List<DiagnosticResult> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (DiagnosticResult d : row) {
            for (Measurement x : d.measurements()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("value", x.value());
                v.put("standardError", x.standardError());
                if (!x.note().isEmpty()) {
                    v.put("note", x.note());
                }
                values.put(new MeasurementKey(d.diagnostic(), x.key()).column(), v);
            }
        }
        return values;
    }

    /** One row's diagnostics that gave no numbers, for JSON: diagnostic, status and message. */
    public static List<Map<String, Object>> missing(List<DiagnosticResult> row) {
        List<Map<String, Object>> missing = new ArrayList<>();
        for (DiagnosticResult d : row) {
            if (d.status() != DiagnosticResult.Status.OK) {
                missing.add(Map.of("diagnostic", d.diagnostic(), "status",
                        d.status().name().toLowerCase(Locale.ROOT), "message", d.message()));
            }
        }
        return missing;
    }

    /** A CSV number: shortest round-trip form, {@code Infinity}/{@code -Infinity}/{@code NaN} when not finite. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(v);
    }
}
