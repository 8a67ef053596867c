package org.nelc.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.EnsembleLayout;
import org.nelc.app.experiment.EnsembleResult;
import org.nelc.app.experiment.ModelRun;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.EpochRecord;

/**
 * Writes everything an ensemble directory shows besides the models: {@code summary.csv/json}, the
 * figures and {@code report.html} — and for {@code --variants} the comparison at the top.
 */
public final class ReportWriter {
    public static final String FIG2 = "fig2.png";
    public static final String FIG3_BEST = "fig3-best.png";
    public static final String FIG3_WORST = "fig3-worst.png";
    public static final String CHAIN_BEST = "chain-best.gif";
    public static final String CHAIN_WORST = "chain-worst.gif";
    /** Frames of the report's chain animations. */
    static final int CHAIN_STEPS = 48;
    public static final String FIG4 = "fig4.png";
    public static final String VARIANTS = "variants.png";
    private final PluginCatalog plugins;

    public ReportWriter(PluginCatalog plugins) {
        Headless.ensure();
        this.plugins = plugins;
    }

    /** The summary, figures and single-ensemble report of {@code r}, in its directory. */
    public EnsembleArtifacts writeEnsemble(EnsembleResult r, String label, RunInfo info) {
        EnsembleLayout layout = r.layout();
        List<ModelSummary> rows = r.summaries();
        ClaimReport claims = ClaimChecker.check(rows);
        SummaryFiles.write(layout.summaryCsv(), layout.summaryJson(), r.plan().name(), rows, claims.regimeBySeed());
        Map<Long, List<EpochRecord>> histories = new LinkedHashMap<>();
        for (ModelRun m : r.runs()) {
            histories.put(m.seed(), m.history());
        }
        Map<String, byte[]> figures = new LinkedHashMap<>();
        String n = rows.size() + " models";
        put(figures, layout, FIG2, Fig2.draw(rows, histories, claims.regimeBySeed(), "Fig. 2 — " + label + ", " + n));
        ModelRun best = null;
        ModelRun worst = null;
        for (ModelRun m : r.runs()) {
            double ll = m.summary().logLikelihood();
            if (!Double.isFinite(ll)) {
                continue;
            }
            if (best == null || ll > best.summary().logLikelihood()) {
                best = m;
            }
            if (worst == null || ll < worst.summary().logLikelihood()) {
                worst = m;
            }
        }
        if (best != null) {
            put(figures, layout, FIG3_BEST, panel(best, "Fig. 3 (highest LL) — " + label + ", seed " + best.seed()));
            put(figures, layout, FIG3_WORST, panel(worst, "Fig. 3 (lowest LL) — " + label + ", seed " + worst.seed()));
            put(figures, layout, CHAIN_BEST, animation(best, "highest LL, seed " + best.seed()));
            put(figures, layout, CHAIN_WORST, animation(worst, "lowest LL, seed " + worst.seed()));
        }
        put(figures, layout, FIG4, Fig4.draw(rows, claims.regimeBySeed(), "Fig. 4 — " + label + ", " + n));
        EnsembleArtifacts art = new EnsembleArtifacts(r, claims, figures, best == null ? -1 : best.seed(),
                worst == null ? -1 : worst.seed());
        String html = ReportHtml.render(label, info, art, List.of(), null, readCompare(layout.compareJson()));
        AtomicFiles.writeString(layout.report(), html);
        return art;
    }

    /**
     * The top of a {@code --variants} run: the first variant's figures copied to {@code root}, the comparison
     * figure, {@code variants-summary.csv} and the combined report.
     */
    public void writeVariants(EnsembleLayout root, List<EnsembleArtifacts> variants, List<String> labels, RunInfo info) {
        List<VariantsFigure.Column> cols = new ArrayList<>();
        List<ModelSummary> all = new ArrayList<>();
        variants.forEach(a -> all.addAll(a.result().summaries()));
        List<MeasurementKey> columns = SummaryFiles.columns(all);
        StringBuilder csv = new StringBuilder("variant,").append(SummaryFiles.header(columns)).append('\n');
        for (EnsembleArtifacts a : variants) {
            cols.add(new VariantsFigure.Column(a.result().plan().name(), a.result().summaries()));
            SummaryFiles.appendRows(csv, a.result().summaries(), a.claims().regimeBySeed(), a.result().plan().name(),
                    columns);
        }
        AtomicFiles.writeString(root.dir().resolve("variants-summary.csv"), csv.toString());
        BufferedImage fig = VariantsFigure.draw(cols, "Variants of SPEC §4 — precise LL, σ, τ and class KL per model");
        Png.write(root.figure(VARIANTS), fig);
        EnsembleArtifacts main = variants.get(0);
        for (Map.Entry<String, byte[]> e : main.figures().entrySet()) {
            AtomicFiles.write(root.figure(e.getKey()), out -> out.write(e.getValue()));
        }
        String html = ReportHtml.render(labels.get(0), info, main, variants, Png.bytes(fig),
                readCompare(root.compareJson()));
        AtomicFiles.writeString(root.report(), html);
    }

    /** The chain of the model as an animated GIF, {@value #CHAIN_STEPS} frames from its saved state. */
    private byte[] animation(ModelRun run, String title) {
        ModelFile mf = ModelIO.read(run.dir().resolve(EnsembleLayout.MODEL_FILE), plugins);
        FantasyChain chain = FantasyChain.run(mf.model(), mf.chainVisible()[0], run.seed(), CHAIN_STEPS);
        return ChainAnimation.gif(chain, ImageShape.forModel(mf.data(), null, mf.model().visibleSize()),
                mf.model().latent().states(), title);
    }

    private static void put(Map<String, byte[]> figures, EnsembleLayout layout, String name, byte[] bytes) {
        AtomicFiles.write(layout.figure(name), out -> out.write(bytes));
        figures.put(name, bytes);
    }

    private BufferedImage panel(ModelRun run, String title) {
        ModelFile mf = ModelIO.read(run.dir().resolve(EnsembleLayout.MODEL_FILE), plugins);
        FantasyChain chain = FantasyChain.run(mf.model(), mf.chainVisible()[0], run.seed(),
                Math.max(ModelPanel.DEFAULT_STEPS, mf.model().units()));
        return ModelPanel.draw(mf.model(), ImageShape.forModel(mf.data(), null, mf.model().visibleSize()),
                run.evaluation(), chain, title);
    }

    private static void put(Map<String, byte[]> figures, EnsembleLayout layout, String name, BufferedImage img) {
        put(figures, layout, name, Png.bytes(img));
    }

    /** {@code compare.json} of the baselines, when present and readable (else null; the report says why). */
    static JsonNode readCompare(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            return new ObjectMapper().createObjectNode().put("error", file + " is not readable JSON: " + e.getMessage());
        }
    }
}
