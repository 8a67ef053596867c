package org.nelc.app.baseline;

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
import org.nelc.api.diagnostic.Measurement;
import org.nelc.app.report.MeasurementColumns;
import org.nelc.app.report.MeasurementText;
import org.nelc.core.Version;
import org.nelc.api.io.AtomicFiles;

/**
 * The comparison as text: the table {@code nelc compare} prints, {@code compare.csv} (one row per run, every
 * grid point: the comparison's columns, then every measurement the runs' diagnostics returned with its
 * standard error, built-in or plugin, as {@code summary.csv} writes them ({@link MeasurementColumns}), then
 * {@code not_computed}), {@code grid.csv} (one row per family and learning rate) and {@code compare.json}
 * (schema {@code nelc-compare} version 3: settings, notes, the measurements' legend, grid, rows with their
 * measurements; non-finite numbers as the strings {@code "NaN"} / {@code "Infinity"}).
 */
public final class ComparisonFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonFiles() {
    }

    /** Writes compare.csv, grid.csv, compare.json and compare.png into {@code dir}. */
    public static void write(Comparison c, Path dir) {
        List<MeasurementKey> columns = MeasurementColumns.of(diagnostics(c));
        StringBuilder csv = new StringBuilder(ComparisonRow.csvHeader(columns)).append('\n');
        for (ComparisonRow r : c.rows()) {
            csv.append(r.csv(columns)).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("compare.csv"), csv.toString());
        StringBuilder grid = new StringBuilder(LearningRateGrid.Point.CSV_HEADER).append('\n');
        for (LearningRateGrid.Point p : c.grid()) {
            grid.append(p.csv()).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("grid.csv"), grid.toString());
        AtomicFiles.writeString(dir.resolve("compare.json"), json(c));
        ComparisonFigure.write(c, dir.resolve("compare.png"));
    }

    static String json(Comparison c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "nelc-compare");
        root.put("schemaVersion", 3);
        root.put("nelcVersion", Version.VERSION);
        root.put("settings", c.settings());
        root.put("notes", c.notes());
        root.put("grid", c.grid());
        root.put("measurements", MeasurementColumns.legend(diagnostics(c), MeasurementColumns.of(diagnostics(c))));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            rows.add(r.json());
        }
        root.put("rows", rows);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each row's diagnostic results, in row order. */
    private static List<List<DiagnosticResult>> diagnostics(Comparison c) {
        List<List<DiagnosticResult>> out = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            out.add(r.diagnostics());
        }
        return out;
    }

    /**
     * The summary table: each family at its chosen learning rate (NEQ and each RBM's best / median / worst
     * seed, EM's best restart) with the paired gaps to EM and to the best NEQ run, σ and τ each ± its
     * standard error; the whole grid; a line per
     * family with the mean and spread of its selected runs; the notes.
     */
    public static String table(Comparison c) {
        List<ComparisonRow> shown = new ArrayList<>();
        for (String model : Comparison.MODELS) {
            for (String role : List.of("best", "median", "worst")) {
                ComparisonRow r = c.find(model, role);
                if (r != null) {
                    shown.add(r);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        String format = "%-9s %-6s %-6s %5s  %-18s %-6s %-18s %14s %14s %12s %8s %15s %15s%n";
        String head = String.format(Locale.ROOT, format, "model", "lr", "run", "seed", "LL nats/image", "method",
                "LL chain", "σ count", "σ RB", "τ RB", "class KL", "gap to EM", "gap to NEQ");
        sb.append(head);
        sb.append("-".repeat(head.length() - 1)).append('\n');
        for (ComparisonRow r : shown) {
            sb.append(String.format(Locale.ROOT, format, r.model().toUpperCase(Locale.ROOT),
                    Double.isNaN(r.learningRate()) ? "-" : LearningRateGrid.rate(r.learningRate()), r.role(),
                    (r.model().equals("em") ? "r" : "") + r.seed(), pm(r.logLikelihood(), r.standardError()),
                    r.method(), pm(r.chainLogLikelihood(), r.chainStandardError()),
                    measured(r, MeasurementKey.SIGMA_COUNT), measured(r, MeasurementKey.SIGMA),
                    measured(r, MeasurementKey.TAU), num(r.classKl(), 3),
                    gap(r.gapToEm(), r.gapStandardError()), gap(r.gapToNeq(), r.gapToNeqStandardError())));
        }
        if (!c.grid().isEmpty()) {
            sb.append('\n').append("learning-rate grid: LL over the seeds at each point (* = chosen)\n");
            String gf = "%-9s %1s %6s %5s %10s %19s %10s %10s%n";
            sb.append(String.format(Locale.ROOT, gf, "model", "", "lr", "runs", "median", "mean ± s.e.(seeds)", "best",
                    "worst"));
            for (LearningRateGrid.Point p : c.grid()) {
                sb.append(String.format(Locale.ROOT, gf, p.model().toUpperCase(Locale.ROOT), p.chosen() ? "*" : "",
                        LearningRateGrid.rate(p.learningRate()), p.runs(), num(p.median(), 2),
                        pm(p.mean(), p.seedStandardError()), num(p.best(), 2), num(p.worst(), 2)));
            }
        }
        sb.append('\n');
        double neqMean = Double.NaN;
        double neqSe = Double.NaN;
        for (String model : Comparison.TRAINED) {
            List<ComparisonRow> rows = c.selected(model);
            if (rows.isEmpty()) {
                continue;
            }
            double sigmaCount = 0;
            double sigmaRb = 0;
            for (ComparisonRow r : rows) {
                sigmaCount += r.sigmaCount();
                sigmaRb += r.sigmaRaoBlackwell();
            }
            int n = rows.size();
            LearningRateGrid.Point p = chosenPoint(c, model);
            double sd = n > 1 ? p.seedStandardError() * Math.sqrt(n) : 0;
            String versus = "";
            if (model.equals("neq")) {
                neqMean = p.mean();
                neqSe = p.seedStandardError();
            } else if (!Double.isNaN(neqMean)) {
                double se = Math.sqrt(neqSe * neqSe + p.seedStandardError() * p.seedStandardError());
                versus = String.format(Locale.ROOT, "; minus NEQ's mean: %s (s.e.s over seeds combined)",
                        pm(p.mean() - neqMean, se));
            }
            sb.append(String.format(Locale.ROOT,
                    "%s at lr %s over %d seeds: LL mean %s (s.d. %.2f), mean σ count %s, mean σ RB %s%s%n",
                    model.toUpperCase(Locale.ROOT), LearningRateGrid.rate(p.learningRate()), n,
                    pm(p.mean(), p.seedStandardError()), sd, num(sigmaCount / n, 3), num(sigmaRb / n, 3), versus));
        }
        for (String note : c.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }

    /** A run's measurement as every output writes it ({@link MeasurementText}: value ± s.e.), {@code -} if absent. */
    private static String measured(ComparisonRow r, MeasurementKey key) {
        Measurement m = key.in(r.diagnostics());
        return m == null ? "-" : MeasurementText.valueWithError(m);
    }

    private static LearningRateGrid.Point chosenPoint(Comparison c, String model) {
        for (LearningRateGrid.Point p : c.grid()) {
            if (p.model().equals(model) && p.chosen()) {
                return p;
            }
        }
        throw new IllegalStateException("no chosen grid point for " + model);
    }

    private static String gap(double gap, double se) {
        if (Double.isNaN(gap)) {
            return "-";
        }
        if (gap == 0 || Double.isNaN(se)) {
            return num(gap, 2);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", gap, se);
    }

    private static String pm(double v, double se) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isNaN(se)) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", v, se);
    }

    private static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
