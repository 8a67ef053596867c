package org.nelc.app.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.core.model.Model;

/**
 * The Fig. 3 panel of one model: the visible weights {@code w_α} as images with the occupancy above
 * each (for the bits encoding, {@code p(z_β = 1)}), the latent weights {@code w̄_α} as images, the latent
 * biases {@code ā}, the heatmap of {@code M} (Rao-Blackwellized), then along one run of the chain a row
 * of mean images {@code ⟨x(t)⟩} given {@code z(t−1)} and a row of the sampled {@code x(t)}. Weights use a
 * blue-white-red map, white at 0, each sign scaled by its own 99th percentile ({@link WeightScale}); images
 * are ink (white 0, black 1).
 */
public final class ModelPanel {
    public static final int DEFAULT_STEPS = 12;
    private static final int LEFT = 150;
    private static final int GAP = 12;

    private ModelPanel() {
    }

    public static BufferedImage draw(Model model, ImageShape shape, Evaluation evaluation, FantasyChain chain,
            String title) {
        int d = model.visibleSize();
        int l = model.units();
        int scale = shape.scaleFor(84);
        int imgW = shape.width(scale);
        int imgH = shape.height(scale);
        int cellW = Math.max(imgW, 64) + GAP;
        int t = chain.steps();
        int columns = Math.max(l, t);
        // no dense M beyond 2 048 states (a sparse evaluation, e.g. bits:12): the panel says so instead
        double[][] m = evaluation.raoBlackwell() == null ? null : evaluation.raoBlackwell().matrix();
        int states = m == null ? 0 : m.length;
        int cell = Math.max(4, Math.min(40, 260 / Math.max(1, states)));
        int middle = Math.max(states * cell + 50, 170);
        int width = LEFT + columns * cellW + 20;
        width = Math.max(width, LEFT + 300 + states * cell + 240);
        int height = 50 + (22 + imgH + 14) + (imgH + 24) + middle + 2 * (22 + imgH + 14) + 10;
        Canvas c = new Canvas(width, height);
        c.text(title, 12, 28, 16, true);
        c.text(subtitle(evaluation), 12, 46, 12, false);
        int y = 60;

        // row 1: w_α with p̄ above
        double[] w = model.w();
        WeightScale ws = WeightScale.of(w);
        double[] unitWeight = unitOccupancy(model, evaluation.occupancy());
        boolean oneHot = model.latent().states() == l;
        c.text("w_α", 12, y + 22 + imgH / 2, 14, true);
        c.text(ws.label(), 12, y + 22 + imgH / 2 + 18, 11, false);
        double[] col = new double[d];
        for (int a = 0; a < l; a++) {
            for (int i = 0; i < d; i++) {
                col[i] = ws.apply(w[i * l + a]);
            }
            int x = LEFT + a * cellW;
            c.centered(String.format(Locale.ROOT, oneHot ? "p̄=%.3f" : "p(z=1)=%.2f", unitWeight[a]), x + imgW / 2,
                    y + 14, 12, false);
            c.pixels(col, 0, d, shape, x, y + 22, scale, Palette::diverging);
        }
        y += 22 + imgH + 14;

        // row 2: w̄_α
        double[] wbar = model.wbar();
        WeightScale wbs = WeightScale.of(wbar);
        c.text("w̄_α", 12, y + imgH / 2, 14, true);
        c.text(wbs.label(), 12, y + imgH / 2 + 18, 11, false);
        double[] row = new double[d];
        for (int a = 0; a < l; a++) {
            for (int i = 0; i < d; i++) {
                row[i] = wbs.apply(wbar[a * d + i]);
            }
            c.pixels(row, 0, d, shape, LEFT + a * cellW, y, scale, Palette::diverging);
        }
        y += imgH + 24;

        // middle: ā, M
        c.text("ā", 12, y + 60, 14, true);
        c.bars(model.abar(), LEFT, y + 10, 220, 110, new Color(0x4C72B0));
        c.text("M (Rao-Blackwellized)", LEFT + 300, y + 10, 12, true);
        if (m == null) {
            c.text("not estimated: " + model.latent().states() + " latent states, a sparse evaluation", LEFT + 300,
                    y + 36, 12, false);
        } else {
            c.heatmap(m, LEFT + 330, y + 36, cell, "from z'", "to z");
            int cbX = LEFT + 330 + states * cell + 60;
            c.colorBar(cbX, y + 36, 14, Math.max(60, states * cell), Palette::viridis, new double[] {0, 0.5, 1},
                    new String[] {"0", "0.5", "1"}, null);
        }
        y += middle;

        // chain rows
        c.text("⟨x(t)⟩ | z(t−1)", 12, y + 22 + imgH / 2, 13, true);
        for (int k = 0; k < t; k++) {
            int x = LEFT + k * cellW;
            c.centered("z=" + chain.latent()[k], x + imgW / 2, y + 14, 12, false);
            c.pixels(chain.means(), k * d, d, shape, x, y + 22, scale, Palette::ink);
        }
        y += 22 + imgH + 14;
        c.text("x(t) sampled", 12, y + 22 + imgH / 2, 13, true);
        for (int k = 0; k < t; k++) {
            int x = LEFT + k * cellW;
            c.centered("t=" + (k + 1), x + imgW / 2, y + 14, 12, false);
            c.pixels(chain.samples(), k * d, d, shape, x, y + 22, scale, Palette::ink);
        }
        return c.done();
    }

    static String subtitle(Evaluation e) {
        ModelSummary s = ModelSummary.of(e.seed(), e, List.of(), Double.NaN);
        return "precise LL " + s.text(MeasurementKey.LOG_LIKELIHOOD) + " nats/image · σ " + s.text(MeasurementKey.SIGMA)
                + " (counts " + s.text(MeasurementKey.SIGMA_COUNT) + ") nats/step · τ " + s.text(MeasurementKey.TAU)
                + " · Tr(M)/L " + s.text(MeasurementKey.SELF_TRANSITION) + " (1/L = "
                + s.text(MeasurementKey.SELF_TRANSITION_BASELINE) + ") · class KL " + s.text(MeasurementKey.CLASS_KL)
                + " · " + (s.cleanCycle() ? "one clean cycle" : s.cycles().size() + " dominant cycle(s)");
    }

    /** For one-hot the occupancy of each state; otherwise each unit's marginal {@code p(z_β = 1)}. */
    static double[] unitOccupancy(Model model, double[] occupancy) {
        int l = model.units();
        int states = model.latent().states();
        if (states == l) {
            return occupancy.clone();
        }
        double[] out = new double[l];
        double[] z = new double[l];
        for (int s = 0; s < states && s < occupancy.length; s++) {
            model.latent().state(s, z);
            for (int b = 0; b < l; b++) {
                out[b] += occupancy[s] * z[b];
            }
        }
        return out;
    }

    /**
     * The weight color scale: positive values over the 99th percentile of the positive ones map to full red,
     * negative values under the 1st percentile of the negative ones to full blue (so that the large negative
     * logits of never-inked border pixels do not wash out the digit's shape).
     */
    record WeightScale(double positive, double negative) {
        static WeightScale of(double[] v) {
            double[] pos = java.util.Arrays.stream(v).filter(x -> x > 0).toArray();
            double[] neg = java.util.Arrays.stream(v).filter(x -> x < 0).map(Math::abs).toArray();
            double p = pos.length == 0 ? 1 : Stats.quantile(pos, 0.99);
            double n = neg.length == 0 ? 1 : Stats.quantile(neg, 0.99);
            return new WeightScale(p > 0 ? p : 1, n > 0 ? n : 1);
        }

        double apply(double x) {
            return x >= 0 ? x / positive : x / negative;
        }

        String label() {
            return String.format(Locale.ROOT, "+%.2g / −%.2g", positive, negative);
        }
    }
}
