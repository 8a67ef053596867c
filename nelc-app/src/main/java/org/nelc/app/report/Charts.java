package org.nelc.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart with the figures' common style: white, no legend unless asked, readable fonts. */
final class Charts {
    static {
        Headless.ensure();
    }

    private Charts() {
    }

    static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        var s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xE5E5E5));
        s.setLegendVisible(false);
        s.setChartTitleFont(new Font(Canvas.FONT, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Canvas.FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Canvas.FONT, Font.PLAIN, 11));
        s.setLegendFont(new Font(Canvas.FONT, Font.PLAIN, 11));
        s.setLegendPosition(Styler.LegendPosition.InsideSE);
        s.setMarkerSize(7);
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        return c;
    }

    /**
     * A logarithmic x axis for values in [min, max]: labels at every decade when the range spans two decades
     * or more, else at 1…9 × each decade (XChart's decade-only labels would leave a narrow range bare).
     */
    static void logX(XYChart c, double min, double max) {
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(!(max / min < 100));
    }

    /** As {@link #logX} for the y axis. */
    static void logY(XYChart c, double min, double max) {
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmicDecadeOnly(!(max / min < 100));
    }

    /** Smallest and largest of the positive finite values (NaN, NaN if none). */
    static double[] positiveRange(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x > 0 && Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {1, 10};
    }

    /** A line without markers. */
    static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
        s.setLineWidth(width);
        s.setShowInLegend(false);
        return s;
    }

    /** A dashed reference line. */
    static XYSeries dashed(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = line(c, name, x, y, color, 1.5f);
        s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        s.setShowInLegend(true);
        return s;
    }

    /** An error bar: a thin segment between two points, no markers, not in the legend. */
    static XYSeries errorBar(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = line(c, name, x, y, color, 1.0f);
        s.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 150));
        return s;
    }

    /** Markers only. */
    static XYSeries scatter(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    static BufferedImage render(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
