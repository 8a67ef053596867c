package org.nelc.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.app.experiment.EnsembleResult;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.app.experiment.PlanFile;
import org.nelc.core.Version;

/**
 * {@code report.html}: one self-contained page (inline CSS, figures as base64 data URIs) with the claim
 * table, the figures, the comparison of variants when there are several, the table of models, an
 * optional "Baselines" section rendered from {@code compare.json} when it exists, and how the numbers
 * were made.
 */
public final class ReportHtml {
    private ReportHtml() {
    }

    public static String render(String label, RunInfo info, EnsembleArtifacts main, List<EnsembleArtifacts> variants,
            byte[] variantsFigure, JsonNode compare) {
        EnsembleResult r = main.result();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>nelc reproduce — ")
                .append(esc(label)).append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Nonequilibrium latent cycles — the paper's ensemble, reproduced</h1>\n");
        h.append("<p class=\"lead\">Baiesi &amp; Rosso, <em>Emergence of Nonequilibrium Latent Cycles in Unsupervised "
                + "Generative Modeling</em>, Sect. IV: ").append(r.plan().seeds().size())
                .append(" models trained independently; this page checks each claim of SPEC §9 on our own numbers. "
                + "Verdicts are computed by the rules shown with them, not written by hand.</p>\n");
        header(h, label, info, r, variants);
        h.append("<h2 id=\"claims\">Claims of the paper, checked</h2>\n");
        if (variants.size() > 1) {
            h.append("<p>Main variant: <b>").append(esc(label)).append("</b>. The other variants' verdicts are in "
                    + "<a href=\"#variants\">Variants</a>.</p>\n");
        }
        claimTable(h, main.claims());
        figures(h, main);
        if (variants.size() > 1) {
            variantsSection(h, variants, variantsFigure);
        }
        modelsTable(h, main);
        if (compare != null) {
            h.append("<h2 id=\"baselines\">Baselines</h2>\n<p>From <code>compare.json</code> (written by "
                    + "<code>nelc compare</code>) in this directory.</p>\n");
            json(h, compare, 0);
        }
        notes(h);
        h.append("<p class=\"foot\">nelc ").append(esc(Version.VERSION)).append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, String label, RunInfo info, EnsembleResult r,
            List<EnsembleArtifacts> variants) {
        h.append("<table class=\"meta\">\n");
        row(h, "command", "<code>" + esc(info.command()) + "</code>");
        row(h, "variant", esc(label) + (variants.size() > 1 ? " (and " + (variants.size() - 1) + " more)" : ""));
        row(h, "data", esc(info.data()));
        Map<String, Object> s = PlanFile.settings(r.plan().template());
        List<String> parts = new ArrayList<>();
        s.forEach((k, v) -> parts.add(k + " " + v));
        row(h, "training", esc(String.join(" · ", parts)));
        row(h, "evaluation", esc(String.format(Locale.ROOT, "chain of %d double steps after %d burn-in; Rao-Blackwellized "
                + "M with %d draws per row", r.plan().chainLength(), r.plan().burnIn(), r.plan().rbSamples())));
        row(h, "models", r.runs().size() + " complete of " + r.plan().seeds().size() + " (seeds "
                + esc(seeds(r.plan().seeds())) + ")" + (r.trainedCount() < r.runs().size()
                        ? "; " + (r.runs().size() - r.trainedCount()) + " reused by --resume" : ""));
        row(h, "time", esc(String.format(Locale.ROOT, "%.1f s wall on %d threads (this invocation); training %.1f s "
                + "summed over models", info.wallSeconds(), info.threads(), r.trainingSeconds())));
        if (!r.failures().isEmpty()) {
            row(h, "failed", "<span class=\"bad\">" + esc(String.join("; ", r.failures())) + "</span>");
        }
        h.append("</table>\n");
    }

    static void claimTable(StringBuilder h, ClaimReport c) {
        h.append("<table class=\"claims\"><thead><tr><th>#</th><th>The paper says</th><th>This run measured</th>"
                + "<th>Verdict</th></tr></thead><tbody>\n");
        int k = 1;
        for (Claim cl : c.claims()) {
            h.append("<tr><td>").append(k++).append("</td><td>").append(esc(cl.paper())).append("</td><td>")
                    .append(esc(cl.measured())).append("<div class=\"rule\">Rule: ").append(esc(cl.rule()))
                    .append("</div></td><td>").append(verdict(cl)).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (c.regimes() != null) {
            int[] n = c.regimes().counts();
            h.append("<p>Regimes: ");
            for (int i = 0; i < 3; i++) {
                h.append(i == 0 ? "" : ", ").append(esc(Regimes.name(i))).append(": <b>").append(n[i]).append("</b>");
            }
            h.append(". High-σ runs for claims 3 and 6: ").append(esc(c.highSigmaRule())).append(".</p>\n");
        }
    }

    private static void figures(StringBuilder h, EnsembleArtifacts a) {
        h.append("<h2 id=\"figures\">Figures</h2>\n");
        figure(h, a, ReportWriter.FIG2, "Fig. 2. (a) On-the-fly log-likelihood per epoch, one line per model, colored by "
                + "the model's final precise σ (color bar). (b) σ per epoch: the cheap estimate, transitions counted on "
                + "that epoch's latent trajectory of the training chain (one-way pairs skipped; an epoch with only one-way "
                + "transitions counts 0 and is drawn at 10⁻³). (c) Final precise LL "
                + "against final σ (Rao-Blackwellized M), colored by regime; bars: ± one standard error of σ (across) "
                + "and of the LL (up and down; the chain's Monte-Carlo error).");
        figure(h, a, ReportWriter.FIG3_BEST, "Fig. 3 (a) analogue: the model with the highest precise LL (seed "
                + a.bestSeed() + "). First row w_α with p̄(α) above, second row w̄_α (blue negative, red positive), "
                + "ā, the transition matrix M, then mean images ⟨x(t)⟩ given z(t−1) and sampled x(t) along one run of "
                + "the chain.");
        figure(h, a, ReportWriter.FIG3_WORST, "Fig. 3 (b) analogue: the model with the lowest precise LL (seed "
                + a.worstSeed() + ").");
        figure(h, a, ReportWriter.CHAIN_BEST, "The chain of the highest-LL model (seed " + a.bestSeed() + "), animated: "
                + "48 double steps from its saved state, the latent state z(t−1) among all states (filled), the mean "
                + "image ⟨x(t)⟩ given z(t−1) and the sample x(t).");
        figure(h, a, ReportWriter.CHAIN_WORST, "The chain of the lowest-LL model (seed " + a.worstSeed() + "), animated.");
        figure(h, a, ReportWriter.FIG4, "Fig. 4. Against σ (log axis): (a) class KL divergence, (b) decorrelation time "
                + "τ, (c) mean self-transition Tr(M)/L with the random baseline 1/L (dashed). Bars: ± one standard error "
                + "of σ (across) and of the value (up and down), where estimated.");
    }

    private static void figure(StringBuilder h, EnsembleArtifacts a, String name, String caption) {
        byte[] png = a.figures().get(name);
        if (png == null) {
            return;
        }
        h.append("<figure id=\"").append(esc(name)).append("\"><img alt=\"").append(esc(name))
                .append("\" src=\"data:image/").append(name.endsWith(".gif") ? "gif" : "png").append(";base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption><b>").append(esc(name)).append("</b> — ").append(esc(caption))
                .append("</figcaption></figure>\n");
    }

    private static void variantsSection(StringBuilder h, List<EnsembleArtifacts> variants, byte[] fig) {
        h.append("<h2 id=\"variants\">Variants (SPEC §4)</h2>\n<p>The same ensemble for each kernel/score combination. "
                + "SPEC §4 expects only the first (sigmoid-ratio normalization with the paper's score) to reproduce "
                + "the paper's picture; the table says what our numbers say.</p>\n");
        if (fig != null) {
            h.append("<figure><img alt=\"variants\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(fig)).append("\"><figcaption><b>variants.png</b> — "
                    + "precise LL, σ, τ and class KL per model (points) and their median (bar), per variant."
                    + "</figcaption></figure>\n");
        }
        h.append("<table class=\"claims\"><thead><tr><th>Claim</th>");
        for (EnsembleArtifacts a : variants) {
            h.append("<th>").append(esc(a.result().plan().name())).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        List<Claim> first = variants.get(0).claims().claims();
        for (int k = 0; k < first.size(); k++) {
            h.append("<tr><td>").append(k + 1).append(". ").append(esc(first.get(k).paper())).append("</td>");
            for (EnsembleArtifacts a : variants) {
                Claim c = a.claims().claims().get(k);
                h.append("<td>").append(verdict(c)).append("<div class=\"rule\">").append(esc(c.measured()))
                        .append("</div></td>");
            }
            h.append("</tr>\n");
        }
        h.append("<tr><td>Median precise LL · σ · τ · KL</td>");
        for (EnsembleArtifacts a : variants) {
            List<ModelSummary> rows = a.result().summaries();
            h.append("<td>").append(esc(String.format(Locale.ROOT, "%.2f · %.3g · %.3g · %.3g",
                    Stats.median(col(rows, ModelSummary::logLikelihood)), Stats.median(col(rows, ModelSummary::sigma)),
                    Stats.median(col(rows, ModelSummary::tau)), Stats.median(col(rows, ModelSummary::classKl)))))
                    .append("</td>");
        }
        h.append("</tr>\n<tr><td>Regimes (i) / (ii) / (iii)</td>");
        for (EnsembleArtifacts a : variants) {
            Regimes g = a.claims().regimes();
            h.append("<td>").append(g == null ? "–" : g.counts()[0] + " / " + g.counts()[1] + " / " + g.counts()[2])
                    .append("</td>");
        }
        h.append("</tr>\n</tbody></table>\n<p>Each variant's own report: ");
        for (EnsembleArtifacts a : variants) {
            String n = a.result().plan().name();
            h.append("<a href=\"variants/").append(esc(n)).append("/report.html\">").append(esc(n)).append("</a> ");
        }
        h.append("</p>\n");
    }

    /**
     * Every model with every measurement its diagnostics reported (built-in and plugin alike), as
     * {@code value ± s.e.}; the header gives each one's description and unit, its tooltip the method.
     */
    private static void modelsTable(StringBuilder h, EnsembleArtifacts a) {
        List<ModelSummary> rows = new ArrayList<>(a.result().summaries());
        List<MeasurementKey> columns = SummaryFiles.columns(rows);
        h.append("<h2 id=\"models\">Models</h2>\n<p>Every measurement of each model's <code>evaluation.json</code>, "
                + "value ± standard error (").append(esc(MeasurementText.UNKNOWN_ERROR)).append("; hover a header for "
                + "the method). σ, τ and Tr(M)/L under both estimates of M; the claims and figures use the "
                + "Rao-Blackwellized one. Also in <code>summary.csv</code> and <code>summary.json</code>.</p>\n"
                + "<div class=\"wide\"><table class=\"models\"><thead><tr><th>seed</th><th>regime</th>");
        for (MeasurementKey k : columns) {
            Measurement m = first(rows, k);
            h.append("<th title=\"").append(esc(k.column() + ": " + m.method())).append("\">")
                    .append(esc(MeasurementText.label(m))).append("</th>");
        }
        h.append("<th>not computed</th><th>p̄</th><th>dominant cycle(s)</th><th>train s</th></tr></thead><tbody>\n");
        rows.sort((x, y) -> Double.compare(y.logLikelihood(), x.logLikelihood()));
        for (ModelSummary s : rows) {
            Integer reg = a.claims().regimeBySeed().get(s.seed());
            String cls = s.seed() == a.bestSeed() ? " class=\"best\"" : s.seed() == a.worstSeed() ? " class=\"worst\"" : "";
            h.append("<tr").append(cls).append("><td>").append(s.seed()).append("</td><td>")
                    .append(reg == null ? "" : new String[] {"i", "ii", "iii"}[reg]).append("</td>");
            for (MeasurementKey k : columns) {
                Measurement m = s.measurement(k);
                h.append(m == null ? "<td></td>" : "<td class=\"m\"" + (m.note().isEmpty() ? "" : " title=\"" + esc(m.note()) + "\"")
                        + ">" + esc(MeasurementText.valueWithError(m)) + (m.note().isEmpty() ? "" : "*") + "</td>");
            }
            h.append("<td class=\"small\">").append(esc(SummaryFiles.notComputed(s))).append("</td><td class=\"small\">")
                    .append(esc(pbar(s.occupancy()))).append("</td><td class=\"small\">")
                    .append(esc(s.cyclesText())).append("</td><td>").append(f("%.1f", s.trainingSeconds()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n<p class=\"small\">* a note (hover): e.g. one-way pairs skipped.</p>\n");
    }

    private static Measurement first(List<ModelSummary> rows, MeasurementKey k) {
        for (ModelSummary r : rows) {
            Measurement m = r.measurement(k);
            if (m != null) {
                return m;
            }
        }
        throw new IllegalArgumentException("no row has " + k);
    }

    private static void notes(StringBuilder h) {
        h.append("<h2 id=\"method\">How the numbers are made</h2>\n<ul>\n"
                + "<li><b>Per epoch</b> (history.csv, Fig. 2a–b): the on-the-fly log-likelihood, mean over the epoch's "
                + "steps of mean<sub>x</sub> log((1/T) Σ<sub>t</sub> A<sub>z(t)x</sub>) (SPEC §6), and the cheap σ: "
                + "transitions counted on the epoch's latent trajectory of the training chain (steps × T double steps, "
                + "1440 with the paper's settings), pairs seen in one direction only skipped — noisy, and low for "
                + "nearly deterministic cycles.</li>\n"
                + "<li><b>Final, precise</b> (evaluation.json): a chain of 10<sup>5</sup> double steps (default) from "
                + "the model's saved chain state; LL from its occupancy p̄ (SPEC §6); M by counting (the paper) and "
                + "Rao-Blackwellized (exact Ā probabilities averaged over x ~ A(z')); σ (Eq. 21), τ (Eq. 23), "
                + "Tr(M)/L (Eq. 24), dominant cycles from each; class KL (Eq. 22) with states assigned by the highest "
                + "mean posterior.</li>\n"
                + "<li><b>Primary estimator</b>: the claims and figures use the Rao-Blackwellized M — finite σ by "
                + "construction and far lower variance; the count-based σ skips one-way pairs, which removes exactly "
                + "the strongest currents.</li>\n"
                + "<li><b>Errors</b>: every number is shown ± its standard error, by the method in its column's "
                + "tooltip (jackknife over batches of the chain or groups of draws). Each verdict is checked again on "
                + ClaimRobustness.DRAWS + " redraws of every model's LL, σ, τ, Tr(M)/L and KL within their errors "
                + "(normal for the LL, log-normal for the positive quantities; fixed seed); a verdict that more than "
                + Math.round(100 * ClaimRobustness.NOISE_FRACTION) + " % of the redraws change is shown "
                + "\"within noise\".</li>\n"
                + "<li><b>Regimes</b>: k-means (k = 3, deterministic) on standardized (LL, ln σ); see claim 1's rule."
                + "</li>\n"
                + "<li><b>Determinism</b>: every model depends on its seed only (training and evaluation streams "
                + "come from the seed's SeedTree), whatever the thread count or --resume.</li>\n</ul>\n");
    }

    /** Renders any JSON: objects as key/value tables, arrays of objects as tables, scalars as text. */
    static void json(StringBuilder h, JsonNode n, int depth) {
        if (depth > 6) {
            h.append(esc(n.toString()));
            return;
        }
        if (n.isObject()) {
            h.append("<table class=\"kv\">");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>");
                json(h, e.getValue(), depth + 1);
                h.append("</td></tr>");
            }
            h.append("</table>\n");
        } else if (n.isArray() && n.size() > 0 && allObjects(n)) {
            Set<String> keys = new LinkedHashSet<>();
            for (JsonNode e : n) {
                e.fieldNames().forEachRemaining(keys::add);
            }
            h.append("<table class=\"models\"><thead><tr>");
            for (String k : keys) {
                h.append("<th>").append(esc(k)).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (JsonNode e : n) {
                h.append("<tr>");
                for (String k : keys) {
                    h.append("<td>");
                    if (e.has(k)) {
                        json(h, e.get(k), depth + 1);
                    }
                    h.append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</tbody></table>\n");
        } else if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode e : n) {
                parts.add(e.isNumber() ? num(e.asDouble()) : e.isTextual() ? e.asText() : e.toString());
            }
            h.append(esc(String.join(", ", parts)));
        } else if (n.isNumber()) {
            h.append(esc(n.isIntegralNumber() ? n.asText() : num(n.asDouble())));
        } else {
            h.append(esc(n.asText()));
        }
    }

    private static boolean allObjects(JsonNode arr) {
        for (JsonNode e : arr) {
            if (!e.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : Double.toString(v);
    }

    interface Value {
        double of(ModelSummary r);
    }

    private static double[] col(List<ModelSummary> rows, Value v) {
        return rows.stream().mapToDouble(v::of).toArray();
    }

    /** The verdict badge ("holds, within noise" when the errors can change it) and its robustness below. */
    private static String verdict(Claim c) {
        String cls = switch (c.verdict()) {
            case HOLDS -> "holds";
            case PARTLY -> "partly";
            case DOES_NOT_HOLD -> "no";
            case NOT_TESTABLE -> "na";
        };
        boolean noisy = c.robustness() != null && c.robustness().withinNoise();
        return "<span class=\"verdict " + cls + (noisy ? " noisy" : "") + "\">" + esc(c.verdictText()) + "</span>"
                + (c.robustness() == null ? "" : "<div class=\"rule\">" + esc(c.robustness().text(c.verdict()))
                        + "</div>");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(v).append("</td></tr>\n");
    }

    private static String seeds(List<Long> s) {
        if (s.isEmpty()) {
            return "";
        }
        boolean consecutive = true;
        for (int k = 1; k < s.size(); k++) {
            consecutive &= s.get(k) == s.get(k - 1) + 1;
        }
        return consecutive && s.size() > 2 ? s.get(0) + ".." + s.get(s.size() - 1) : s.toString();
    }

    private static String pbar(double[] p) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < p.length && k < 16; k++) {
            sb.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", p[k]));
        }
        return p.length > 16 ? sb + " …" : sb.toString();
    }

    private static String f(String fmt, double... v) {
        Object[] o = new Object[v.length];
        for (int k = 0; k < v.length; k++) {
            o[k] = v[k];
        }
        return esc(String.format(Locale.ROOT, fmt, o));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 24px 32px; color: #222;
                   max-width: 1900px; line-height: 1.4; }
            h1 { font-size: 26px; margin-bottom: 4px; }
            h2 { font-size: 20px; margin-top: 32px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
            .lead { color: #444; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; vertical-align: top; text-align: left; font-size: 14px; }
            thead th { background: #f3f3f3; }
            table.meta th { background: #f7f7f7; width: 110px; }
            table.claims td:nth-child(2) { width: 30%; }
            .rule { color: #666; font-size: 12px; margin-top: 4px; }
            .verdict { font-weight: bold; padding: 2px 8px; border-radius: 4px; white-space: nowrap; }
            .verdict.holds { background: #d4edda; color: #155724; }
            .verdict.partly { background: #fff3cd; color: #856404; }
            .verdict.no { background: #f8d7da; color: #721c24; }
            .verdict.na { background: #e2e3e5; color: #383d41; }
            .verdict.noisy { border: 2px dashed #856404; }
            figure { margin: 16px 0; }
            figure img { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: 13px; color: #444; max-width: 1400px; }
            table.models td { font-size: 13px; }
            td.small { font-size: 11px; min-width: 160px; }
            div.wide { overflow-x: auto; }
            td.m { white-space: nowrap; }
            p.small { font-size: 12px; color: #555; }
            tr.best td { background: #eef8ee; }
            tr.worst td { background: #fbeeee; }
            .bad { color: #a00; }
            .foot { color: #888; font-size: 12px; margin-top: 32px; }
            code { font-size: 13px; }
            """;
}
