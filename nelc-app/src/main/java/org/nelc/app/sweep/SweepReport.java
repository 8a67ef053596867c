package org.nelc.app.sweep;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.app.report.MeasurementText;
import org.nelc.app.report.SummaryFiles;

/**
 * {@code report.html} of a sweep, self-contained (figures embedded as base64 PNG): what was swept, the
 * state of the cells, per setting the median with its standard error and the quartiles (and extremes) of
 * the precise LL, σ, τ and class KL and the fraction of runs with one clean cycle with its error
 * ({@link SettingStats}), heat maps over the first two axes that vary (other axes pooled; one-row maps when
 * one axis varies), each cell {@code median ± s.e.}, the failures, and every cell.
 */
public final class SweepReport {
    private SweepReport() {
    }

    public static String html(SweepDir sweep, Manifest m, Collector.Result r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>nelc sweep ")
                .append(esc(sweep.root().getFileName() == null ? "" : sweep.root().getFileName().toString()))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right;font-size:90%}th{background:#f4f4f4}td.l,th.l{text-align:left}"
                        + ".small{color:#555;font-size:90%}img{margin:0.5em 1em 0.5em 0}</style></head><body>\n");
        h.append("<h1>Sweep ").append(esc(sweep.root().toString())).append("</h1>\n");
        List<SweepStatus.CellState> states = new ArrayList<>();
        for (CellRow row : r.rows()) {
            states.add(new SweepStatus.CellState(row.cell(), row.state(), row.message()));
        }
        Map<SweepStatus.State, Integer> counts = SweepStatus.counts(states);
        int points = r.settings().size();
        h.append("<p>").append(m.cells().size()).append(" cells: ").append(points).append(" setting")
                .append(points == 1 ? "" : "s").append(" &times; ").append(m.seeds().size()).append(" seeds. ");
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k.name().toLowerCase(Locale.ROOT)));
        h.append(String.join(", ", parts)).append(".</p>\n");
        h.append("<p class=\"small\">Axes: ");
        for (Manifest.Axis a : m.axes()) {
            h.append("<b>").append(esc(a.name())).append("</b> = ").append(esc(String.join(" | ", a.values())))
                    .append("; ");
        }
        h.append("seeds ").append(esc(seedText(m.seeds()))).append(".<br>Fixed: ");
        m.base().forEach((k, v) -> h.append(esc(k)).append('=').append(esc(v)).append(' '));
        Manifest.EvaluationSettings ev = m.evaluation();
        h.append("<br>Evaluation: chain of ").append(ev.chainLength()).append(" double steps after ").append(ev.burnIn())
                .append(" of burn-in, ").append(ev.rbSamples()).append(" draws per row for the Rao-Blackwellized M; "
                        + "seed = the cell's seed.<br>σ (nats per double step), τ (double steps) and the cycles come "
                        + "from the Rao-Blackwellized M (docs/model.md §7); a <i>clean cycle</i> is one cycle of the dominant-"
                        + "successor map through all states, with positive flux. LL is the precise log-likelihood "
                        + "(docs/model.md §6, nats per image). Cells: median ± its standard error [lower quartile, upper quartile] "
                        + "(runs ± the median of the runs' own standard errors) (min&ndash;max).<br>")
                .append(esc(SettingStats.METHOD)).append(".</p>\n");

        h.append("<h2>Per setting</h2>\n<table><tr>");
        for (Manifest.Axis a : m.axes()) {
            h.append("<th class=\"l\">").append(esc(a.name())).append("</th>");
        }
        h.append("<th>done</th><th>clean cycles</th><th>LL</th><th>&sigma;</th><th>&tau;</th><th>class KL</th></tr>\n");
        for (SettingStats s : r.settings()) {
            h.append("<tr>");
            for (Manifest.Axis a : m.axes()) {
                h.append("<td class=\"l\">").append(esc(s.setting().getOrDefault(a.name(), ""))).append("</td>");
            }
            h.append("<td>").append(s.done()).append('/').append(s.cells())
                    .append(s.failed() > 0 ? " (" + s.failed() + " failed)" : "").append("</td>");
            h.append("<td>").append(s.done() == 0 ? "-" : s.cleanCycles() + "/" + s.done() + " = "
                    + pct(s.cleanFraction()) + " ± " + pct(s.cleanFractionError())).append("</td>");
            h.append("<td>").append(spread(s.logLikelihood(), "%.2f")).append("</td>");
            h.append("<td>").append(spread(s.sigma(), "%.3f")).append("</td>");
            h.append("<td>").append(spread(s.tau(), "%.1f")).append("</td>");
            h.append("<td>").append(spread(s.classKl(), "%.3f")).append("</td></tr>\n");
        }
        h.append("</table>\n");

        List<Manifest.Axis> varying = m.axes().stream().filter(a -> a.values().size() > 1).toList();
        if (varying.size() >= 2) {
            Manifest.Axis x = varying.get(0);
            Manifest.Axis y = varying.get(1);
            h.append("<h2>Heat maps: ").append(esc(y.name())).append(" &times; ").append(esc(x.name())).append("</h2>\n");
            if (varying.size() > 2) {
                h.append("<p class=\"small\">Pooled over the other axes (");
                for (int k = 2; k < varying.size(); k++) {
                    h.append(k == 2 ? "" : ", ").append(esc(varying.get(k).name()));
                }
                h.append(").</p>\n");
            }
            heatMaps(h, x, y, r.rows(), true);
        }

        if (varying.size() == 1) {
            Manifest.Axis x = varying.get(0);
            Manifest.Axis all = new Manifest.Axis("", List.of("all seeds"));
            h.append("<h2>By ").append(esc(x.name())).append("</h2>\n");
            heatMaps(h, x, all, r.rows(), false);
        }

        List<CellRow> failed = r.rows().stream().filter(c -> c.state() == SweepStatus.State.FAILED).toList();
        if (!failed.isEmpty()) {
            h.append("<h2>Failures</h2>\n<ul>");
            for (CellRow c : failed) {
                h.append("<li>").append(esc(c.cell().id())).append(' ').append(esc(c.cell().label())).append(": ")
                        .append(esc(c.message())).append("</li>");
            }
            h.append("</ul>\n");
        }

        List<ModelSummary> finished = r.rows().stream().map(CellRow::summary).filter(java.util.Objects::nonNull).toList();
        List<MeasurementKey> columns = SummaryFiles.columns(finished);
        h.append("<h2>Cells</h2>\n<details><summary>").append(r.rows().size())
                .append(" cells, every measurement (").append(esc(MeasurementText.UNKNOWN_ERROR))
                .append("; summary.csv has every column)</summary>\n<table><tr><th>#</th><th class=\"l\">id</th>");
        for (Manifest.Axis a : m.axes()) {
            h.append("<th class=\"l\">").append(esc(a.name())).append("</th>");
        }
        h.append("<th>seed</th><th class=\"l\">state</th>");
        for (MeasurementKey k : columns) {
            Measurement first = finished.stream().map(s -> s.measurement(k)).filter(java.util.Objects::nonNull)
                    .findFirst().orElseThrow();
            h.append("<th title=\"").append(esc(k.column() + ": " + first.method())).append("\">")
                    .append(esc(MeasurementText.label(first))).append("</th>");
        }
        h.append("<th class=\"l\">not computed</th><th class=\"l\">cycles</th></tr>\n");
        for (CellRow c : r.rows()) {
            h.append("<tr><td>").append(c.cell().index()).append("</td><td class=\"l\">").append(c.cell().id())
                    .append("</td>");
            for (Manifest.Axis a : m.axes()) {
                h.append("<td class=\"l\">").append(esc(c.cell().setting().getOrDefault(a.name(), ""))).append("</td>");
            }
            h.append("<td>").append(c.cell().seed()).append("</td><td class=\"l\">")
                    .append(c.state().name().toLowerCase(Locale.ROOT)).append("</td>");
            ModelSummary s = c.summary();
            for (MeasurementKey k : columns) {
                Measurement x = s == null ? null : s.measurement(k);
                h.append("<td>").append(x == null ? "" : esc(MeasurementText.valueWithError(x))).append("</td>");
            }
            if (s == null) {
                h.append("<td></td><td></td>");
            } else {
                h.append("<td class=\"l\">").append(esc(SummaryFiles.notComputed(s))).append("</td><td class=\"l\">")
                        .append(s.cleanCycle() ? "<b>clean</b> " : "").append(esc(s.cyclesText())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></details>\n</body></html>\n");
        return h.toString();
    }

    /** The heat maps: clean-cycle fraction, then the median of LL, σ, τ (and class KL), each with its error. */
    private static void heatMaps(StringBuilder h, Manifest.Axis x, Manifest.Axis y, List<CellRow> rows,
            boolean withKl) {
        String medianNote = "± = standard error of the median (bootstrap over the seeds, " + SettingStats.RESAMPLES
                + " resamples)";
        heat(h, "clean-cycle fraction ± s.e.", "± = Agresti-Coull standard error of the fraction", x, y, rows,
                SweepReport::fraction, SweepReport::pct);
        heat(h, "median precise LL ± s.e.", medianNote, x, y, rows,
                at -> median(at, MeasurementKey.LOG_LIKELIHOOD), v -> String.format(Locale.ROOT, "%.2f", v));
        heat(h, "median sigma ± s.e.", medianNote, x, y, rows, at -> median(at, MeasurementKey.SIGMA),
                v -> String.format(Locale.ROOT, "%.3f", v));
        heat(h, "median tau ± s.e.", medianNote, x, y, rows, at -> median(at, MeasurementKey.TAU),
                v -> String.format(Locale.ROOT, "%.1f", v));
        if (withKl) {
            heat(h, "median class KL ± s.e.", medianNote, x, y, rows, at -> median(at, MeasurementKey.CLASS_KL),
                    v -> String.format(Locale.ROOT, "%.3f", v));
        }
    }

    /** One heat map; {@code value} gives a cell's value and its standard error from the cell's runs. */
    private static void heat(StringBuilder h, String title, String note, Manifest.Axis x, Manifest.Axis y,
            List<CellRow> rows, Function<List<CellRow>, double[]> value, DoubleFunction<String> format) {
        DoubleFunction<String> errorFormat = title.startsWith("clean") ? format : SettingStats::error;
        double[][] v = new double[y.values().size()][x.values().size()];
        double[][] e = new double[y.values().size()][x.values().size()];
        for (int j = 0; j < y.values().size(); j++) {
            for (int i = 0; i < x.values().size(); i++) {
                String xv = x.values().get(i);
                String yv = y.values().get(j);
                List<CellRow> at = rows.stream().filter(c -> xv.equals(c.cell().setting().get(x.name()))
                        && (y.name().isEmpty() || yv.equals(c.cell().setting().get(y.name())))).toList();
                double[] ve = value.apply(at);
                v[j][i] = ve[0];
                e[j][i] = ve[1];
            }
        }
        byte[] png = Heatmap.png(title, note, x, y, new Heatmap.Cells(v, e, format, errorFormat));
        h.append("<img alt=\"").append(esc(title + " (" + note + ")")).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    /** The clean-cycle fraction of the finished {@code rows} and its Agresti–Coull error (NaN, NaN if none). */
    static double[] fraction(List<CellRow> rows) {
        int done = (int) rows.stream().filter(CellRow::done).count();
        int clean = (int) rows.stream().filter(c -> c.done() && c.summary().cleanCycle()).count();
        return new double[] {done == 0 ? Double.NaN : (double) clean / done, SettingStats.fractionError(clean, done)};
    }

    /** The median of {@code key} over the finished {@code rows} and its bootstrap error. */
    static double[] median(List<CellRow> rows, MeasurementKey key) {
        SettingStats.Spread s = SettingStats.spread(rows, key);
        return new double[] {s.median(), s.medianStandardError()};
    }

    /** {@code median ± s.e. [q1, q3] (runs ± …)} as the CLI prints it, then the extremes in small print. */
    static String spread(SettingStats.Spread s, String format) {
        if (s.n() == 0) {
            return "-";
        }
        return esc(s.text(format)) + " <span class=\"small\">(" + fmt(s.min(), format) + "&ndash;"
                + fmt(s.max(), format) + ")</span>";
    }

    static String fmt(double v, String format) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "&infin;" : "-&infin;";
        }
        return String.format(Locale.ROOT, format, v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    static String seedText(List<Long> seeds) {
        if (seeds.size() > 2) {
            boolean contiguous = true;
            for (int k = 1; k < seeds.size(); k++) {
                contiguous &= seeds.get(k) == seeds.get(k - 1) + 1;
            }
            if (contiguous) {
                return seeds.get(0) + ".." + seeds.get(seeds.size() - 1);
            }
        }
        List<String> s = new ArrayList<>();
        seeds.forEach(x -> s.add(Long.toString(x)));
        return String.join(",", s);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
