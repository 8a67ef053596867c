package org.nelc.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.analysis.cycles.Cycle;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.api.io.AtomicFiles;

/**
 * {@code summary.csv} and {@code summary.json}: one row per model, with its regime. The numbers are the
 * models' measurements as their diagnostics reported them (built-in and plugin alike, see
 * {@link #columns}): each a column {@code <diagnostic>.<key>} and its standard error
 * {@code <diagnostic>.<key>.se}; then the structures of {@code evaluation.json} the claims use and
 * {@code model.json}'s training time. A diagnostic that failed or does not apply is named with its reason
 * in {@code not_computed}. Non-finite values are written {@code Infinity}/{@code NaN} (in JSON as strings,
 * as {@code evaluation.json} does).
 */
public final class SummaryFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The columns before the measurements. */
    public static final String LEAD = "seed,regime";
    /** The columns after the measurements. */
    public static final String TAIL = "pbar,state_class,clean_cycle,cycles,training_s,ll_on_the_fly_final,"
            + "sigma_on_the_fly_final,not_computed";

    private SummaryFiles() {
    }

    public static void write(Path csv, Path json, String variant, List<ModelSummary> rows, Map<Long, Integer> regimes) {
        AtomicFiles.writeString(csv, csv(rows, regimes, null));
        AtomicFiles.writeString(json, json(variant, rows, regimes));
    }

    /** Every measurement any row has, in the order first met ({@link MeasurementColumns#of}). */
    public static List<MeasurementKey> columns(List<ModelSummary> rows) {
        return MeasurementColumns.of(diagnostics(rows));
    }

    private static List<List<DiagnosticResult>> diagnostics(List<ModelSummary> rows) {
        List<List<DiagnosticResult>> out = new ArrayList<>();
        for (ModelSummary r : rows) {
            out.add(r.diagnostics());
        }
        return out;
    }

    /** The CSV header for these measurement columns. */
    public static String header(List<MeasurementKey> columns) {
        List<String> h = new ArrayList<>(List.of(LEAD));
        h.addAll(MeasurementColumns.header(columns));
        h.add(TAIL);
        return String.join(",", h);
    }

    /** The CSV; with {@code variant} non-null a first column {@code variant} is added. */
    public static String csv(List<ModelSummary> rows, Map<Long, Integer> regimes, String variant) {
        List<MeasurementKey> columns = columns(rows);
        StringBuilder sb = new StringBuilder();
        if (variant != null) {
            sb.append("variant,");
        }
        sb.append(header(columns)).append('\n');
        appendRows(sb, rows, regimes, variant, columns);
        return sb.toString();
    }

    static void appendRows(StringBuilder sb, List<ModelSummary> rows, Map<Long, Integer> regimes, String variant,
            List<MeasurementKey> columns) {
        for (ModelSummary r : rows) {
            if (variant != null) {
                sb.append(variant).append(',');
            }
            sb.append(row(r, regimes.get(r.seed()), columns)).append('\n');
        }
    }

    /** One model's CSV fields for these columns (without a variant), joined. */
    public static String row(ModelSummary r, Integer regime, List<MeasurementKey> columns) {
        List<String> f = new ArrayList<>();
        f.add(Long.toString(r.seed()));
        f.add(regime == null ? "" : new String[] {"i", "ii", "iii"}[regime]);
        f.addAll(MeasurementColumns.fields(r.diagnostics(), columns));
        f.add(join(r.occupancy()));
        f.add(join(r.stateClass()));
        f.add(Boolean.toString(r.cleanCycle()));
        f.add(quoted(r.cyclesText()));
        f.add(num(r.trainingSeconds()));
        f.add(num(r.finalLogLikelihoodOnTheFly()));
        f.add(num(r.finalSigmaOnTheFly()));
        f.add(quoted(notComputed(r)));
        return String.join(",", f);
    }

    /** The diagnostics that gave no numbers, with why ({@link MeasurementColumns#notComputed}). */
    public static String notComputed(ModelSummary r) {
        return MeasurementColumns.notComputed(r.diagnostics());
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "'") + '"';
    }

    public static String json(String variant, List<ModelSummary> rows, Map<Long, Integer> regimes) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "nelc-summary");
        root.put("schemaVersion", 2);
        root.put("variant", variant);
        root.put("primaryEstimator", "rao-blackwell");
        Map<String, Object> legend = MeasurementColumns.legend(diagnostics(rows), columns(rows));
        root.put("measurements", legend);
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelSummary r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", r.seed());
            Integer reg = regimes.get(r.seed());
            m.put("regime", reg == null ? null : Regimes.name(reg));
            m.put("measurements", MeasurementColumns.values(r.diagnostics()));
            m.put("notComputed", MeasurementColumns.missing(r.diagnostics()));
            m.put("occupancy", r.occupancy());
            m.put("classes", r.classes());
            m.put("stateClass", r.stateClass());
            m.put("cleanCycle", r.cleanCycle());
            List<Map<String, Object>> cycles = new ArrayList<>();
            for (Cycle c : r.cycles()) {
                cycles.add(c.toMap());
            }
            m.put("cycles", cycles);
            m.put("cyclesText", r.cyclesText());
            m.put("trainingSeconds", r.trainingSeconds());
            m.put("finalLogLikelihoodOnTheFly", r.finalLogLikelihoodOnTheFly());
            m.put("finalSigmaOnTheFly", r.finalSigmaOnTheFly());
            models.add(m);
        }
        root.put("models", models);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String num(double v) {
        return MeasurementColumns.num(v);
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            sb.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.5f", v[k]));
        }
        return sb.toString();
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) {
            sb.append(k == 0 ? "" : " ").append(v[k]);
        }
        return sb.toString();
    }
}
