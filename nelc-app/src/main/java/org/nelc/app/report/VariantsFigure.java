package org.nelc.app.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nelc.app.experiment.ModelSummary;

/**
 * The variants side by side ({@code reproduce --variants}): strip plots of the precise LL, σ (log
 * scale), τ (log scale, floored at {@value #TAU_FLOOR}) and class KL, one column of points per variant
 * (jittered by seed, deterministically; the legend names them) with its median as a black bar. Infinite
 * values are drawn as triangles at the top.
 */
public final class VariantsFigure {
    private static final int W = 530;
    private static final int H = 460;
    static final double TAU_FLOOR = 0.1;

    /** One variant's rows. */
    public record Column(String name, List<ModelSummary> rows) {
    }

    private VariantsFigure() {
    }

    interface Value {
        double of(ModelSummary r);
    }

    public static BufferedImage draw(List<Column> columns, String title) {
        XYChart ll = strip(columns, "precise LL", "nats/image", ModelSummary::logLikelihood, false);
        XYChart sigma = strip(columns, "σ (Rao-Blackwellized)", "nats/step", r -> Math.max(Fig2.SIGMA_FLOOR, r.sigma()),
                true);
        XYChart tau = strip(columns, "τ (log scale)", "double steps", r -> Math.max(TAU_FLOOR, r.tau()), true);
        XYChart kl = strip(columns, "class KL", "nats", ModelSummary::classKl, false);
        Canvas c = new Canvas(4 * W, H + 40);
        c.text(title, 12, 26, 18, true);
        c.draw(Charts.render(ll), 0, 40);
        c.draw(Charts.render(sigma), W, 40);
        c.draw(Charts.render(tau), 2 * W, 40);
        c.draw(Charts.render(kl), 3 * W, 40);
        return c.done();
    }

    private static XYChart strip(List<Column> columns, String title, String unit, Value value, boolean log) {
        XYChart chart = Charts.xy(W, H, title, "variant", unit);
        if (log) {
            List<Double> all = new ArrayList<>();
            for (Column col : columns) {
                for (ModelSummary r : col.rows()) {
                    all.add(value.of(r));
                }
            }
            double[] range = Charts.positiveRange(Fig2.unbox(all));
            Charts.logY(chart, range[0], range[1]);
        }
        chart.getStyler().setXAxisMin(-0.6);
        chart.getStyler().setXAxisMax(columns.size() - 0.4);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendFont(new java.awt.Font(Canvas.FONT, java.awt.Font.PLAIN, 10));
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (Column col : columns) {
            for (ModelSummary r : col.rows()) {
                double v = value.of(r);
                if (Double.isFinite(v)) {
                    top = Math.max(top, v);
                    bottom = Math.min(bottom, v);
                }
            }
        }
        if (!Double.isFinite(top)) {
            top = 1;
            bottom = log ? 0.1 : 0;
        }
        double cap = log ? top * 1.5 : top + 0.08 * Math.max(top - bottom, 1e-9);
        boolean anything = false;
        for (int k = 0; k < columns.size(); k++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> xi = new ArrayList<>();
            List<Double> finite = new ArrayList<>();
            for (ModelSummary r : columns.get(k).rows()) {
                double v = value.of(r);
                double x = k + jitter(r.seed());
                if (Double.isFinite(v)) {
                    xs.add(x);
                    ys.add(v);
                    finite.add(v);
                } else if (v == Double.POSITIVE_INFINITY) {
                    xi.add(x);
                }
            }
            Color color = Palette.SERIES[k % Palette.SERIES.length];
            if (!xs.isEmpty()) {
                Charts.scatter(chart, columns.get(k).name(), Fig2.unbox(xs), Fig2.unbox(ys), color);
                double med = Stats.median(Fig2.unbox(finite));
                Charts.line(chart, columns.get(k).name() + " median", new double[] {k - 0.3, k + 0.3},
                        new double[] {med, med}, Color.BLACK, 2.5f);
                anything = true;
            }
            if (!xi.isEmpty()) {
                double[] y = new double[xi.size()];
                java.util.Arrays.fill(y, cap);
                XYSeries s = Charts.scatter(chart, columns.get(k).name() + " ∞", Fig2.unbox(xi), y, color);
                s.setMarker(SeriesMarkers.TRIANGLE_UP);
                s.setShowInLegend(false);
                anything = true;
            }
        }
        if (!anything) {
            Charts.scatter(chart, "none", new double[] {0}, new double[] {log ? 1 : 0}, Color.LIGHT_GRAY);
        }
        return chart;
    }

    /** A deterministic offset in [−0.22, 0.22] from the seed. */
    static double jitter(long seed) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return ((h >>> 11) / (double) (1L << 53) - 0.5) * 0.44;
    }
}
