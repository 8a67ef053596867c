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
import org.nelc.core.Version;
import org.nelc.api.io.AtomicFiles;

/**
 * The comparison as text: the table {@code nelc compare} prints, {@code compare.csv} (one row per run)
 * and {@code compare.json} (schema {@code nelc-compare} version 1: settings, notes, rows; non-finite
 * numbers as the strings {@code "NaN"} / {@code "Infinity"}).
 */
public final class ComparisonFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonFiles() {
    }

    /** Writes compare.csv, compare.json and compare.png into {@code dir}. */
    public static void write(Comparison c, Path dir) {
        StringBuilder csv = new StringBuilder(ComparisonRow.CSV_HEADER).append('\n');
        for (ComparisonRow r : c.rows()) {
            csv.append(r.csv()).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("compare.csv"), csv.toString());
        AtomicFiles.writeString(dir.resolve("compare.json"), json(c));
        ComparisonFigure.write(c, dir.resolve("compare.png"));
    }

    static String json(Comparison c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "nelc-compare");
        root.put("schemaVersion", 1);
        root.put("nelcVersion", Version.VERSION);
        root.put("settings", c.settings());
        root.put("notes", c.notes());
        root.put("rows", c.rows());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The summary table: NEQ and each RBM's best / median / worst, EM best, and a line per model with the
     * mean and spread of all its runs.
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
        String head = String.format(Locale.ROOT, "%-9s %-7s %5s  %-18s %-6s %-18s %9s %9s %8s %9s %15s%n", "model",
                "run", "seed", "LL nats/image", "method", "LL chain", "σ count", "σ RB", "τ RB", "class KL",
                "gap to EM");
        sb.append(head);
        sb.append("-".repeat(head.length() - 1)).append('\n');
        for (ComparisonRow r : shown) {
            sb.append(String.format(Locale.ROOT, "%-9s %-7s %5s  %-18s %-6s %-18s %9s %9s %8s %9s %15s%n",
                    r.model().toUpperCase(Locale.ROOT), r.role(), (r.model().equals("em") ? "r" : "") + r.seed(),
                    pm(r.logLikelihood(), r.standardError()), r.method(),
                    pm(r.chainLogLikelihood(), r.chainStandardError()), num(r.sigmaCount(), 3),
                    num(r.sigmaRaoBlackwell(), 3), num(r.tau(), 1), num(r.classKl(), 3), gap(r)));
        }
        sb.append('\n');
        for (String model : Comparison.MODELS.subList(0, 3)) {
            List<ComparisonRow> rows = c.of(model);
            if (rows.isEmpty()) {
                continue;
            }
            double mean = 0;
            double sigmaCount = 0;
            double sigmaRb = 0;
            for (ComparisonRow r : rows) {
                mean += r.logLikelihood();
                sigmaCount += r.sigmaCount();
                sigmaRb += r.sigmaRaoBlackwell();
            }
            int n = rows.size();
            mean /= n;
            double var = 0;
            for (ComparisonRow r : rows) {
                var += (r.logLikelihood() - mean) * (r.logLikelihood() - mean);
            }
            double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
            sb.append(String.format(Locale.ROOT,
                    "%s over %d seeds: LL mean %.2f (s.d. %.2f), mean σ count %s, mean σ RB %s%n",
                    model.toUpperCase(Locale.ROOT), n, mean, sd, num(sigmaCount / n, 3), num(sigmaRb / n, 3)));
        }
        for (String note : c.notes()) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static String gap(ComparisonRow r) {
        if (Double.isNaN(r.gapToEm())) {
            return "-";
        }
        if (r.gapToEm() == 0 || Double.isNaN(r.gapStandardError())) {
            return num(r.gapToEm(), 2);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", r.gapToEm(), r.gapStandardError());
    }

    private static String pm(double v, double se) {
        if (Double.isNaN(v)) {
            return "-";
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
