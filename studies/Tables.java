import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nelc.analysis.cycles.CyclesDiagnostic;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.io.AtomicFiles;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.app.report.Claim;
import org.nelc.app.report.ClaimChecker;
import org.nelc.app.report.ClaimReport;
import org.nelc.app.sweep.CellRow;
import org.nelc.app.sweep.Collector;
import org.nelc.app.sweep.Manifest;
import org.nelc.app.sweep.SettingStats;
import org.nelc.app.sweep.SweepDir;
import org.nelc.core.plugin.PluginCatalog;

/**
 * The tables and the figure of one study (studies/q*.sh), from its sweeps' cells and its EM ceilings:
 * per setting (a grid point of a sweep, all its seeds) the log-likelihood (median and best run; the exact
 * LL where the model has one, else the precise chain estimate), its gap to the Bernoulli-mixture ceiling
 * with as many components as latent states, σ, τ, Tr(M)/L, class KL, the fraction of runs with one clean
 * cycle through all states and, when the cycle is not clean, what is left of it (the longest circulating
 * cycle, the fraction of states on circulating cycles: docs/model.md §7, the `cycles` diagnostic).
 *
 * <p>Errors. A median over seeds carries the seed-to-seed spread: its standard error is {@code nelc sweep
 * collect}'s bootstrap ({@link SettingStats#spread}: fixed seed, so the same cells give the same table). The
 * best run's LL carries its own Monte-Carlo error (the evaluation chain's). A fraction k/n carries the
 * Agresti–Coull standard error ({@link SettingStats#fractionError}). The EM ceiling is the exact LL of the best of the restarts (no Monte-Carlo error; a local
 * optimum at worst, so a gap above 0 means EM's restarts missed a better mixture).
 *
 * <p>Run as a source file on nelc's class path:
 * {@code java -cp nelc-app/target/nelc.jar studies/Tables.java --title T --md OUT.md --png OUT.png
 * [--claims] [--em DIR]... SWEEP...}
 */
public final class Tables {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MeasurementKey EXACT_LL = new MeasurementKey("exact-likelihood", "log-likelihood");
    private static final MeasurementKey COVERAGE = new MeasurementKey(CyclesDiagnostic.NAME,
            CyclesDiagnostic.coverageKey("rao-blackwell"));
    private static final MeasurementKey LONGEST = new MeasurementKey(CyclesDiagnostic.NAME,
            CyclesDiagnostic.longestKey("rao-blackwell"));

    /** One finished run: its setting, cell, summary, data fingerprint and states. */
    record Run(String setting, CellRow row, ModelSummary s, String fingerprint, int states, Path dir) {
        double ll() {
            return hasExact() ? s.value(EXACT_LL) : s.logLikelihood();
        }

        double llError() {
            return hasExact() ? 0 : s.standardError(MeasurementKey.LOG_LIKELIHOOD);
        }

        boolean hasExact() {
            DiagnosticResult r = s.diagnostics().stream().filter(d -> d.diagnostic().equals("exact-likelihood"))
                    .findFirst().orElse(null);
            return r != null && r.status() == DiagnosticResult.Status.OK && Double.isFinite(s.value(EXACT_LL));
        }
    }

    public static void main(String[] args) throws IOException {
        String title = "";
        Path md = null;
        Path png = null;
        Path curvesPng = null;
        boolean claims = false;
        List<Path> sweeps = new ArrayList<>();
        List<Path> ems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--title" -> title = args[++i];
                case "--md" -> md = Path.of(args[++i]);
                case "--png" -> png = Path.of(args[++i]);
                case "--curves-png" -> curvesPng = Path.of(args[++i]);
                case "--claims" -> claims = true;
                case "--em" -> ems.add(Path.of(args[++i]));
                default -> sweeps.add(Path.of(args[i]));
            }
        }
        // EM ceilings by (data fingerprint, components)
        Map<String, Double> ceiling = new LinkedHashMap<>();
        for (Path e : ems) {
            Path f = e.resolve("em.json");
            if (Files.exists(f)) {
                JsonNode j = JSON.readTree(f.toFile());
                ceiling.put(j.path("data").path("fingerprint").asText() + "/" + j.path("settings").path("components")
                        .asInt(), j.path("best").path("logLikelihood").asDouble());
            }
        }
        PluginCatalog plugins = PluginCatalog.discover(Tables.class.getClassLoader());
        Map<String, List<Run>> bySetting = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Path p : sweeps) {
            SweepDir dir = new SweepDir(p);
            Manifest m = dir.readManifest();
            Collector.Result r = new Collector(dir, m, plugins).collect();
            for (CellRow row : r.rows()) {
                String setting = p.getFileName() + (row.cell().settingLabel().isEmpty() ? ""
                        : " " + row.cell().settingLabel());
                int[] c = counts.computeIfAbsent(setting, k -> new int[2]);
                c[0]++;
                bySetting.computeIfAbsent(setting, k -> new ArrayList<>());
                if (!row.done()) {
                    continue;
                }
                c[1]++;
                JsonNode model = JSON.readTree(dir.cell(row.cell()).dir().resolve("model.json").toFile());
                bySetting.get(setting).add(new Run(setting, row, row.summary(),
                        model.path("data").path("fingerprint").asText(), row.summary().states(),
                        dir.cell(row.cell()).dir()));
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("| setting | runs | LL median | LL best | EM ceiling | gap median | gap best | σ median | τ median "
                + "| Tr(M)/L median (1/L) | class KL median | clean cycle | states on circulating cycles | longest "
                + "circulating cycle |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Run>> e : bySetting.entrySet()) {
            List<Run> runs = e.getValue();
            int[] c = counts.get(e.getKey());
            String runsText = c[1] + (c[1] < c[0] ? " of " + c[0] : "");
            if (runs.isEmpty()) {
                out.append("| ").append(e.getKey()).append(" | ").append(runsText).append(" |").append(" |".repeat(12))
                        .append('\n');
                continue;
            }
            Run best = runs.stream().max((a, b) -> Double.compare(a.ll(), b.ll())).orElseThrow();
            Double em = ceiling.get(best.fingerprint() + "/" + best.states());
            SettingStats.Spread llSpread = spread(runs, best.hasExact() ? EXACT_LL : MeasurementKey.LOG_LIKELIHOOD);
            double med = llSpread.median();
            double medSe = llSpread.medianStandardError();
            int clean = (int) runs.stream().filter(x -> x.s().cleanCycle()).count();
            out.append("| ").append(e.getKey())
                    .append(" | ").append(runsText)
                    .append(" | ").append(f(med, 2)).append(" ± ").append(f(medSe, 2))
                    .append(best.hasExact() ? " (exact)" : "")
                    .append(" | ").append(f(best.ll(), 2)).append(best.hasExact() ? "" : " ± " + g(best.llError()))
                    .append(" | ").append(em == null ? "—" : f(em, 2))
                    .append(" | ").append(em == null ? "—" : f(med - em, 2) + " ± " + f(medSe, 2))
                    .append(" | ").append(em == null ? "—" : f(best.ll() - em, 2))
                    .append(" | ").append(medianText(runs, MeasurementKey.SIGMA))
                    .append(" | ").append(medianText(runs, MeasurementKey.TAU))
                    .append(" | ").append(medianText(runs, MeasurementKey.SELF_TRANSITION)).append(" (")
                    .append(g(1.0 / best.states())).append(")")
                    .append(" | ").append(medianText(runs, MeasurementKey.CLASS_KL))
                    .append(" | ").append(clean).append('/').append(runs.size()).append(" ± ")
                    .append(SettingStats.error(SettingStats.fractionError(clean, runs.size())))
                    .append(" | ").append(medianText(runs, COVERAGE))
                    .append(" | ").append(medianText(runs, LONGEST)).append(" of ").append(best.states())
                    .append(" |\n");
        }
        out.append("\nMedians over the seeds ± the bootstrap standard error of the median (nelc sweep collect's, "
                + "SettingStats; where some runs are at ∞ — τ of a periodic matrix, class KL with a class left without "
                + "a state — their number is given, and the error is half the central 68 % of the bootstrap's medians); "
                + "best run ± its chain's Monte-Carlo error; clean cycle: runs with one clean cycle "
                + "through all states ± the Agresti-Coull standard error of the fraction; gaps in nats/image against "
                + "the EM mixture with as many components as states.\n");
        out.append("\nDominant cycles of the best run of each setting (Rao-Blackwellized M; states > ... [the class "
                + "of each state: dK = label K] and the cycle's net flux):\n\n");
        for (Map.Entry<String, List<Run>> e : bySetting.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Run best = e.getValue().stream().max((a, b) -> Double.compare(a.ll(), b.ll())).orElseThrow();
            out.append("- ").append(e.getKey()).append(", seed ").append(best.s().seed()).append(": ")
                    .append(best.s().cycles().isEmpty() ? "none" : best.s().cyclesText()).append('\n');
        }
        out.append(curves(bySetting));
        if (claims) {
            out.append("\nThe paper's six claims (nelc reproduce's rules, ClaimChecker), per setting:\n\n");
            out.append("| setting | ");
            List<String> ids = null;
            StringBuilder body = new StringBuilder();
            for (Map.Entry<String, List<Run>> e : bySetting.entrySet()) {
                List<ModelSummary> rows = e.getValue().stream().map(Run::s).toList();
                if (rows.size() < ClaimChecker.MIN_MODELS) {
                    body.append("| ").append(e.getKey()).append(" | fewer than ").append(ClaimChecker.MIN_MODELS)
                            .append(" runs |\n");
                    continue;
                }
                ClaimReport report = ClaimChecker.check(rows);
                if (ids == null) {
                    ids = report.claims().stream().map(Claim::id).toList();
                }
                body.append("| ").append(e.getKey());
                for (Claim cl : report.claims()) {
                    body.append(" | ").append(cl.verdictText());
                }
                body.append(" |\n");
            }
            out.append(ids == null ? "claims" : String.join(" | ", ids)).append(" |\n|---|")
                    .append("---|".repeat(ids == null ? 1 : ids.size())).append('\n').append(body);
        }
        String text = (title.isEmpty() ? "" : "### " + title + "\n\n") + out;
        if (md != null) {
            AtomicFiles.writeString(md, text);
        }
        System.out.print(text);
        if (png != null) {
            figure(bySetting, title, png);
        }
        if (curvesPng != null) {
            curvesFigure(bySetting, title, curvesPng);
        }
    }

    /**
     * LL against log10 σ (σ floored at 1e-3, so an RBM's σ ≈ 0 shows at −3), one colour per setting; filled
     * circles: one clean cycle, crosses: not.
     */
    private static void figure(Map<String, List<Run>> bySetting, String title, Path png) throws IOException {
        XYChart c = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("log-likelihood (nats/image)")
                .yAxisTitle("log10 σ (σ in nats/double step)").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setLegendVisible(true);
        c.getStyler().setMarkerSize(7);
        Color[] palette = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22),
            new Color(0x17becf)};
        int k = 0;
        boolean any = false;
        for (Map.Entry<String, List<Run>> e : bySetting.entrySet()) {
            Color col = palette[k++ % palette.length];
            for (boolean clean : new boolean[] {true, false}) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (Run r : e.getValue()) {
                    if (r.s().cleanCycle() == clean && Double.isFinite(r.ll())) {
                        x.add(r.ll());
                        y.add(Math.log10(Math.max(1e-3, r.s().sigma())));
                    }
                }
                if (x.isEmpty()) {
                    continue;
                }
                XYSeries s = c.addSeries(e.getKey() + (clean ? " (clean cycle)" : ""), x, y);
                s.setMarker(clean ? SeriesMarkers.CIRCLE : SeriesMarkers.CROSS);
                s.setMarkerColor(col);
                any = true;
            }
        }
        if (any) {
            save(c, png);
        }
    }

    /**
     * Does the likelihood keep improving to the end of training? Per run, the on-the-fly LL of each epoch
     * (history.csv: the mixture over the chain's record, docs/model.md §6) averaged over 5 epochs centred on
     * it; the epoch where that average peaks, the peak, the last epoch's value and the drop from the peak
     * to the end. Per setting the medians over the runs with their quartiles.
     */
    private static String curves(Map<String, List<Run>> bySetting) throws IOException {
        StringBuilder out = new StringBuilder("\nTraining curves (on-the-fly LL of each run's history.csv, 5-epoch "
                + "centred mean; medians over the runs [quartiles]; models with an exact LL, the RBM, are left out: their "
                + "training chain does not mix, so its on-the-fly LL says nothing):\n\n| setting | epochs | peak epoch | LL at the "
                + "peak | LL at the end | drop, peak to end |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Run>> e : bySetting.entrySet()) {
            List<double[]> c = new ArrayList<>();
            for (Run r : e.getValue()) {
                double[] mean = smoothedCurve(r);
                if (mean == null) {
                    continue;
                }
                int peak = 0;
                for (int i = 1; i < mean.length; i++) {
                    if (mean[i] > mean[peak]) {
                        peak = i;
                    }
                }
                double last = mean[mean.length - 1];
                c.add(new double[] {mean.length, peak + 1, mean[peak], last, mean[peak] - last});
            }
            if (c.isEmpty()) {
                continue;
            }
            out.append("| ").append(e.getKey());
            for (int k = 0; k < 5; k++) {
                final int kk = k;
                double[] v = c.stream().mapToDouble(x -> x[kk]).sorted().toArray();
                out.append(" | ").append(k < 2 ? f(quantile(v, 0.5), 0) : f(quantile(v, 0.5), 2));
                if (k > 0) {
                    out.append(" [").append(k < 2 ? f(quantile(v, 0.25), 0) : f(quantile(v, 0.25), 2)).append(", ")
                            .append(k < 2 ? f(quantile(v, 0.75), 0) : f(quantile(v, 0.75), 2)).append(']');
                }
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    /**
     * The run's on-the-fly LL per epoch (history.csv), each averaged over the 5 epochs centred on it; null
     * without one, and for a model with an exact LL (the RBM): its on-the-fly LL is the mixture over a Gibbs
     * chain that does not mix, which says nothing about the likelihood the training improves.
     */
    private static double[] smoothedCurve(Run r) throws IOException {
        Path h = r.dir().resolve("history.csv");
        if (!Files.exists(h) || r.hasExact()) {
            return null;
        }
        List<String> lines = Files.readAllLines(h);
        int col = lines.isEmpty() ? -1 : List.of(lines.get(0).split(",")).indexOf("ll_on_the_fly");
        if (col < 0 || lines.size() < 2) {
            return null;
        }
        double[] ll = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[col])).toArray();
        double[] mean = new double[ll.length];
        for (int i = 0; i < ll.length; i++) {
            int lo = Math.max(0, i - 2);
            int hi = Math.min(ll.length, i + 3);
            double sum = 0;
            for (int j = lo; j < hi; j++) {
                sum += ll[j];
            }
            mean[i] = sum / (hi - lo);
        }
        return mean;
    }

    /** The median over each setting's runs of the smoothed on-the-fly LL, epoch by epoch: one line per setting. */
    private static void curvesFigure(Map<String, List<Run>> bySetting, String title, Path png) throws IOException {
        XYChart c = new XYChartBuilder().width(820).height(420).title(title + ": training curves").xAxisTitle("epoch")
                .yAxisTitle("on-the-fly LL, median over runs (nats/image)").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setMarkerSize(0);
        boolean any = false;
        for (Map.Entry<String, List<Run>> e : bySetting.entrySet()) {
            List<double[]> curves = new ArrayList<>();
            for (Run r : e.getValue()) {
                double[] m = smoothedCurve(r);
                if (m != null && Arrays.stream(m).allMatch(Double::isFinite)) {
                    curves.add(m);
                }
            }
            if (curves.isEmpty()) {
                continue;
            }
            int epochs = curves.stream().mapToInt(x -> x.length).min().orElse(0);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < epochs; i++) {
                final int ii = i;
                x.add(i + 1.0);
                y.add(quantile(curves.stream().mapToDouble(v -> v[ii]).sorted().toArray(), 0.5));
            }
            c.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.NONE);
            any = true;
        }
        if (any) {
            save(c, png);
        }
    }

    /** Writes the chart to {@code png} atomically (a temporary file, then a rename). */
    private static void save(XYChart c, Path png) throws IOException {
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp.png");
        BitmapEncoder.saveBitmap(c, tmp.toString().replaceAll("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        Files.move(tmp, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static SettingStats.Spread spread(List<Run> runs, MeasurementKey key) {
        return SettingStats.spread(runs.stream().map(Run::row).toList(), key);
    }

    /** The median over the runs ± its bootstrap standard error, {@code —} without values. */
    private static String medianText(List<Run> runs, MeasurementKey key) {
        SettingStats.Spread sp = spread(runs, key);
        if (sp.n() == 0) {
            return "—";
        }
        long infinite = runs.stream().filter(r -> Double.isInfinite(r.s().value(key))).count();
        return g(sp.median()) + " ± " + SettingStats.error(sp.medianStandardError())
                + (infinite == 0 ? "" : " (" + infinite + " of " + sp.n() + " ∞)");
    }

    private static String f(double x, int digits) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%." + digits + "f", x);
    }

    private static String g(double x) {
        if (Double.isNaN(x)) {
            return "—";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }
}
