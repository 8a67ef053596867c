package org.nelc.app.baseline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nelc.api.io.AtomicFiles;

/**
 * {@code compare.png}. Left, the learning-rate grid: for each trained family, its log-likelihood at each
 * grid point as nats per image below the best EM fit (below the best run when there is no EM), the
 * median over seeds with a bar from the best to the worst seed; both axes logarithmic, so the RBM's
 * hundreds and the NEQ's few share one axis (a run at or above the reference is drawn at 0.01); the
 * chosen point is the filled diamond. Right, σ from the Rao-Blackwellized M, a dot per run at its
 * family's chosen point, grouped NEQ / RBM-PCD / RBM-EXACT / EM.
 */
public final class ComparisonFigure {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final List<String> MODELS = Comparison.MODELS;
    private static final Color[] COLORS = {new Color(0xC0392B), new Color(0x2E86C1), new Color(0x8E44AD),
        new Color(0x27AE60)};
    private static final double FLOOR = 0.01;

    private ComparisonFigure() {
    }

    public static void write(Comparison c, Path file) {
        BufferedImage left = BitmapEncoder.getBufferedImage(grid(c));
        BufferedImage right = BitmapEncoder.getBufferedImage(sigma(c));
        BufferedImage img = new BufferedImage(left.getWidth() + right.getWidth(), Math.max(left.getHeight(),
                right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.drawImage(left, 0, 0, null);
            g.drawImage(right, left.getWidth(), 0, null);
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    static XYChart grid(Comparison c) {
        double reference = reference(c);
        boolean em = !c.of("em").isEmpty();
        XYChart chart = new XYChartBuilder().width(560).height(440)
                .title("log-likelihood vs learning rate (median; bar: best to worst seed)")
                .yAxisTitle("nats / image below the best " + (em ? "EM fit" : "run") + " (log scale)")
                .xAxisTitle("learning rate (log scale)").build();
        var st = style(chart);
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        boolean any = false;
        for (int m = 0; m < Comparison.TRAINED.size(); m++) {
            String model = Comparison.TRAINED.get(m);
            List<LearningRateGrid.Point> points = new java.util.ArrayList<>();
            for (LearningRateGrid.Point p : c.grid()) {
                if (p.model().equals(model)) {
                    points.add(p);
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            // a small offset per family on the log axis, so bars at the same rate do not hide each other
            double shift = Math.pow(1.06, m - 1);
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int k = 0; k < x.length; k++) {
                LearningRateGrid.Point p = points.get(k);
                x[k] = p.learningRate() * shift;
                y[k] = below(reference, p.median());
                XYSeries bar = chart.addSeries(model + " bar " + k, new double[] {x[k], x[k]},
                        new double[] {below(reference, p.best()), below(reference, p.worst())});
                bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                bar.setMarker(SeriesMarkers.NONE);
                bar.setLineColor(COLORS[m]);
                bar.setShowInLegend(false);
                if (p.chosen()) {
                    XYSeries chosen = chart.addSeries(model + " chosen", new double[] {x[k]}, new double[] {y[k]});
                    chosen.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    chosen.setMarker(SeriesMarkers.DIAMOND);
                    chosen.setMarkerColor(COLORS[m]);
                    chosen.setShowInLegend(false);
                }
            }
            XYSeries s = chart.addSeries(model.toUpperCase(java.util.Locale.ROOT), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(COLORS[m]);
            s.setLineColor(COLORS[m]);
            any = true;
        }
        if (!any) {
            chart.addSeries("none", new double[] {0.01}, new double[] {1}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** White background, legend below, large markers: both panels. */
    private static org.knowm.xchart.style.XYStyler style(XYChart chart) {
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendVisible(true);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setMarkerSize(9);
        return st;
    }

    /** The best EM fit's log-likelihood, else the best run's. */
    private static double reference(Comparison c) {
        double best = Double.NEGATIVE_INFINITY;
        boolean em = !c.of("em").isEmpty();
        for (ComparisonRow r : c.rows()) {
            if ((!em || r.model().equals("em")) && r.logLikelihood() > best) {
                best = r.logLikelihood();
            }
        }
        return best;
    }

    private static double below(double reference, double ll) {
        return Double.isNaN(ll) ? Double.NaN : Math.max(FLOOR, reference - ll);
    }

    static XYChart sigma(Comparison c) {
        XYChart chart = new XYChartBuilder().width(560).height(440)
                .title("entropy production σ (Rao-Blackwellized), chosen lr")
                .yAxisTitle("σ, nats / double step").xAxisTitle("")
                .build();
        var st = style(chart);
        st.setXAxisMin(0.5);
        st.setXAxisMax(MODELS.size() + 0.5);
        st.setXAxisTicksVisible(false);
        boolean any = false;
        for (int m = 0; m < MODELS.size(); m++) {
            List<ComparisonRow> rows = c.selected(MODELS.get(m));
            int n = 0;
            for (ComparisonRow r : rows) {
                if (!Double.isNaN(r.sigmaRaoBlackwell())) {
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            double[] x = new double[n];
            double[] y = new double[n];
            int k = 0;
            for (ComparisonRow r : rows) {
                double v = r.sigmaRaoBlackwell();
                if (Double.isNaN(v)) {
                    continue;
                }
                x[k] = m + 1 + (n == 1 ? 0 : 0.5 * (k / (double) (n - 1) - 0.5));
                y[k] = v;
                k++;
            }
            XYSeries s = chart.addSeries(MODELS.get(m).toUpperCase(java.util.Locale.ROOT), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(COLORS[m]);
            any = true;
        }
        if (!any) {
            chart.addSeries("none", new double[] {2}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

}
