package org.nelc.app.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.core.train.EpochRecord;

/**
 * Fig. 2 for our ensemble: (a) the on-the-fly LL per epoch, one line per model colored by its final
 * (precise) σ, with the color bar; (b) the per-epoch σ of that epoch's latent trajectory (see
 * {@code HistoryFile}): the Rao-Blackwellized {@code sigma_rb} where the history has it (finite for nearly
 * deterministic cycles too), else the count-based one; log scale, floored at {@value #SIGMA_FLOOR}; (c) the final
 * precise LL against the final precise σ, colored by regime, each point with its error bars (± one standard
 * error of σ and of the LL).
 */
public final class Fig2 {
    static final double SIGMA_FLOOR = 1e-3;
    private static final int W = 600;
    private static final int H = 460;

    private Fig2() {
    }

    public static BufferedImage draw(List<ModelSummary> rows, Map<Long, List<EpochRecord>> histories,
            Map<Long, Integer> regimes, String title) {
        SigmaScale scale = SigmaScale.of(rows);
        XYChart a = Charts.xy(W, H, "(a) log-likelihood during training", "epoch", "on-the-fly LL (nats/image)");
        XYChart b = Charts.xy(W, H, "(b) entropy production during training", "epoch",
                "σ per epoch (training chain, Rao-Blackwellized, nats/step)");
        boolean anyLine = false;
        double sLo = Double.POSITIVE_INFINITY;
        double sHi = Double.NEGATIVE_INFINITY;
        for (ModelSummary r : rows) {
            List<EpochRecord> h = histories.get(r.seed());
            if (h == null || h.isEmpty()) {
                continue;
            }
            double[] x = new double[h.size()];
            double[] ll = new double[h.size()];
            double[] s = new double[h.size()];
            for (int k = 0; k < h.size(); k++) {
                x[k] = h.get(k).epoch();
                ll[k] = finiteOr(h.get(k).logLikelihood(), Double.NaN);
                s[k] = Math.max(SIGMA_FLOOR, finiteOr(h.get(k).sigmaBest(), SIGMA_FLOOR));
            }
            double[] range = Charts.positiveRange(s);
            sLo = Math.min(sLo, range[0]);
            sHi = Math.max(sHi, range[1]);
            Color c = scale.color(r.sigma());
            Charts.line(a, "seed " + r.seed(), x, ll, c, 1.3f);
            Charts.line(b, "seed " + r.seed(), x, s, c, 1.0f);
            anyLine = true;
        }
        if (!anyLine) {
            Charts.line(a, "none", new double[] {0, 1}, new double[] {0, 0}, Color.LIGHT_GRAY, 1f);
            Charts.line(b, "none", new double[] {0, 1}, new double[] {1, 1}, Color.LIGHT_GRAY, 1f);
        }
        Charts.logY(b, Double.isFinite(sLo) ? sLo : 1, Double.isFinite(sHi) ? sHi : 10);
        XYChart c = Charts.xy(W, H, "(c) final LL vs final σ", "σ (Rao-Blackwellized M, nats/step)",
                "precise LL (nats/image)");
        sigmaAxis(c, rows);
        c.getStyler().setLegendVisible(true);
        scatterByRegime(c, rows, regimes, ModelSummary::logLikelihood, MeasurementKey.LOG_LIKELIHOOD,
                Double.NEGATIVE_INFINITY);

        int bar = 120;
        Canvas canvas = new Canvas(3 * W + bar, H + 40);
        canvas.text(title, 12, 26, 18, true);
        canvas.draw(Charts.render(a), 0, 40);
        canvas.draw(Charts.render(b), W, 40);
        scale.drawBar(canvas, 2 * W + 40, 40 + 50, 20, H - 120, "final σ (nats/step)");
        canvas.draw(Charts.render(c), 2 * W + bar, 40);
        return canvas.done();
    }

    interface Value {
        double of(ModelSummary r);
    }

    /**
     * One scatter series per regime (or one for all without regimes), σ on x, floored for the log axis;
     * each point with its error bars — σ ± s.e. across, the y value ± the s.e. of {@code yKey} up and down
     * (none where an error is not estimated), floored at {@code yFloor} (a log axis's floor).
     */
    static void scatterByRegime(XYChart chart, List<ModelSummary> rows, Map<Long, Integer> regimes, Value y,
            MeasurementKey yKey, double yFloor) {
        int groups = regimes.isEmpty() ? 1 : 3;
        boolean any = false;
        for (int k = 0; k < groups; k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<ModelSummary> shown = new ArrayList<>();
            for (ModelSummary r : rows) {
                int reg = regimes.getOrDefault(r.seed(), -1);
                if ((groups == 1 || reg == k) && Double.isFinite(y.of(r))) {
                    xs.add(Math.max(SIGMA_FLOOR, r.sigma()));
                    ys.add(y.of(r));
                    shown.add(r);
                }
            }
            if (!xs.isEmpty()) {
                Color color = groups == 1 ? Palette.SERIES[0] : Palette.REGIME[k];
                String name = groups == 1 ? "models" : Regimes.name(k) + " (" + xs.size() + ")";
                Charts.scatter(chart, name, unbox(xs), unbox(ys), color);
                for (int j = 0; j < shown.size(); j++) {
                    errorBars(chart, shown.get(j), xs.get(j), ys.get(j), yKey, yFloor, color);
                }
                any = true;
            }
        }
        if (!any) {
            Charts.scatter(chart, "no finite values", new double[] {1}, new double[] {0}, Color.LIGHT_GRAY);
        }
    }

    /** The two error bars of one point at ({@code x}, {@code y}). */
    private static void errorBars(XYChart chart, ModelSummary r, double x, double y, MeasurementKey yKey,
            double yFloor, Color color) {
        double sx = r.standardError(MeasurementKey.SIGMA);
        if (Double.isFinite(sx) && sx > 0) {
            Charts.errorBar(chart, "σ s.e. " + r.seed(), new double[] {Math.max(SIGMA_FLOOR, x - sx), x + sx},
                    new double[] {y, y}, color);
        }
        double sy = r.standardError(yKey);
        if (Double.isFinite(sy) && sy > 0) {
            Charts.errorBar(chart, yKey.key() + " s.e. " + r.seed(), new double[] {x, x},
                    new double[] {Math.max(yFloor, y - sy), y + sy}, color);
        }
    }

    /** A log x axis for the models' σ. */
    static void sigmaAxis(XYChart chart, List<ModelSummary> rows) {
        double[] r = Charts.positiveRange(rows.stream().mapToDouble(m -> Math.max(SIGMA_FLOOR, m.sigma())).toArray());
        Charts.logX(chart, r[0], r[1]);
    }

    static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    /** Maps σ to viridis on a log scale spanning the ensemble. */
    record SigmaScale(double logMin, double logMax) {
        static SigmaScale of(List<ModelSummary> rows) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (ModelSummary r : rows) {
                double v = Math.log10(Math.max(SIGMA_FLOOR, r.sigma()));
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!(hi > lo)) {
                lo = Double.isFinite(lo) ? lo - 0.5 : -1;
                hi = lo + 1;
            }
            return new SigmaScale(lo, hi);
        }

        double fraction(double sigma) {
            return (Math.log10(Math.max(SIGMA_FLOOR, sigma)) - logMin) / (logMax - logMin);
        }

        Color color(double sigma) {
            return Palette.viridis(fraction(sigma));
        }

        void drawBar(Canvas canvas, int x, int y, int w, int h, String title) {
            int ticks = 5;
            double[] at = new double[ticks];
            String[] labels = new String[ticks];
            for (int k = 0; k < ticks; k++) {
                at[k] = k / (double) (ticks - 1);
                labels[k] = String.format(Locale.ROOT, "%.3g", Math.pow(10, logMin + at[k] * (logMax - logMin)));
            }
            canvas.colorBar(x, y, w, h, Palette::viridis, at, labels, title);
        }
    }
}
