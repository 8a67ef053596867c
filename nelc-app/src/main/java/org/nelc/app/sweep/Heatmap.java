package org.nelc.app.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.DoubleFunction;
import org.nelc.app.report.Headless;
import org.nelc.app.report.Palette;
import org.nelc.app.report.Png;

/**
 * A heat map as a PNG, drawn with java.awt (headless, {@link Headless}): one cell per pair of axis values,
 * colored on the report's viridis scale ({@link Palette}) between the finite minimum and maximum, its value
 * and its standard error written inside ({@code value} over {@code ± s.e.}, {@code ± ?} when the error is not
 * estimated); NaN cells grey. A note under the map says how the errors were obtained.
 */
public final class Heatmap {
    private static final int CELL_W = 96;
    private static final int CELL_H = 44;

    private Heatmap() {
    }

    /**
     * What the cells hold.
     *
     * @param values {@code values[y][x]}
     * @param errors their standard errors, {@code errors[y][x]}, NaN where not estimated
     * @param format how a value is written in its cell
     * @param errorFormat how an error is written (NaN: {@code ?})
     */
    public record Cells(double[][] values, double[][] errors, DoubleFunction<String> format,
            DoubleFunction<String> errorFormat) {
    }

    /** The lines written in a cell: {@code "-"} for no value, else the value and {@code "± s.e."} (or {@code "± ?"}). */
    static List<String> cellText(double value, double error, Cells cells) {
        if (Double.isNaN(value)) {
            return List.of("-");
        }
        return List.of(cells.format().apply(value), "± " + (Double.isNaN(error) ? "?"
                : cells.errorFormat().apply(error)));
    }

    /**
     * @param title above the map
     * @param note under the map: how the errors were obtained
     * @param x the columns' axis
     * @param y the rows' axis
     */
    public static byte[] png(String title, String note, Manifest.Axis x, Manifest.Axis y, Cells cells) {
        Headless.ensure();
        String xName = x.name();
        List<String> xValues = x.values();
        String yName = y.name();
        List<String> yValues = y.values();
        double[][] values = cells.values();
        int left = 130;
        int top = 50;
        int right = 30;
        int bottom = 80;
        int w = Math.max(left + CELL_W * xValues.size() + right, 7 * note.length() + 20);
        int h = top + CELL_H * yValues.size() + bottom;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : values) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 14);
            g.setFont(bold);
            g.setColor(Color.BLACK);
            g.drawString(title, 10, 22);
            g.setFont(plain);
            for (int j = 0; j < yValues.size(); j++) {
                for (int i = 0; i < xValues.size(); i++) {
                    double v = values[j][i];
                    Color c;
                    if (Double.isNaN(v)) {
                        c = new Color(0.85f, 0.85f, 0.85f);
                    } else {
                        double t = hi > lo ? (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) : 0.5;
                        if (v == Double.POSITIVE_INFINITY) {
                            t = 1;
                        } else if (v == Double.NEGATIVE_INFINITY) {
                            t = 0;
                        }
                        c = Palette.viridis(t);
                    }
                    int px = left + i * CELL_W;
                    int py = top + j * CELL_H;
                    g.setColor(c);
                    g.fillRect(px, py, CELL_W, CELL_H);
                    g.setColor(Color.WHITE);
                    g.setStroke(new BasicStroke(1));
                    g.drawRect(px, py, CELL_W, CELL_H);
                    boolean dark = luminance(c) < 0.5;
                    g.setColor(dark ? Color.WHITE : Color.BLACK);
                    List<String> lines = cellText(v, cells.errors()[j][i], cells);
                    int first = py + CELL_H / 2 + 5 - 7 * (lines.size() - 1);
                    for (int k = 0; k < lines.size(); k++) {
                        centered(g, lines.get(k), px + CELL_W / 2, first + 15 * k);
                    }
                }
            }
            g.setColor(Color.BLACK);
            for (int i = 0; i < xValues.size(); i++) {
                centered(g, clip(g, xValues.get(i), CELL_W - 4), left + i * CELL_W + CELL_W / 2,
                        top + yValues.size() * CELL_H + 16);
            }
            for (int j = 0; j < yValues.size(); j++) {
                String s = clip(g, yValues.get(j), left - 14);
                g.drawString(s, left - 8 - g.getFontMetrics().stringWidth(s), top + j * CELL_H + CELL_H / 2 + 5);
            }
            g.setFont(plain.deriveFont(11f));
            g.drawString(note, 10, top + yValues.size() * CELL_H + 64);
            g.setFont(bold.deriveFont(12f));
            centered(g, xName, left + CELL_W * xValues.size() / 2, top + yValues.size() * CELL_H + 40);
            g.drawString(yName, 10, top - 8);
        } finally {
            g.dispose();
        }
        return Png.bytes(img);
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    private static void centered(Graphics2D g, String s, int cx, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, cx - fm.stringWidth(s) / 2, baseline);
    }

    private static String clip(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
