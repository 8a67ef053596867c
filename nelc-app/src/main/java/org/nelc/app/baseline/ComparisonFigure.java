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
 * {@code compare.png}: a dot per run, grouped NEQ / RBM-PCD / RBM-EXACT / EM. Left, how far each run's log-likelihood is
 * below the best EM fit (nats per image, log scale, so the RBM's hundreds and the NEQ's few share one
 * axis; a run at or above EM is drawn at 0.01); right, σ from the Rao-Blackwellized M.
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
        BufferedImage left = BitmapEncoder.getBufferedImage(chart(c, true));
        BufferedImage right = BitmapEncoder.getBufferedImage(chart(c, false));
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

    static XYChart chart(Comparison c, boolean gap) {
        XYChart chart = new XYChartBuilder().width(560).height(440)
                .title(gap ? "log-likelihood below the best EM fit" : "entropy production σ (Rao-Blackwellized)")
                .yAxisTitle(gap ? "nats / image below EM (log scale)" : "σ, nats / double step").xAxisTitle("")
                .build();
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendVisible(true);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setMarkerSize(9);
        st.setXAxisMin(0.5);
        st.setXAxisMax(MODELS.size() + 0.5);
        st.setXAxisTicksVisible(false);
        st.setYAxisLogarithmic(gap);
        boolean any = false;
        for (int m = 0; m < MODELS.size(); m++) {
            List<ComparisonRow> rows = c.of(MODELS.get(m));
            int n = 0;
            for (ComparisonRow r : rows) {
                if (!Double.isNaN(value(r, gap))) {
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
                double v = value(r, gap);
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
            chart.addSeries("none", new double[] {2}, new double[] {gap ? 1 : 0}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static double value(ComparisonRow r, boolean gap) {
        if (!gap) {
            return r.sigmaRaoBlackwell();
        }
        if (Double.isNaN(r.gapToEm())) {
            return Double.NaN;
        }
        return Math.max(FLOOR, -r.gapToEm());
    }
}
