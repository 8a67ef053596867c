package org.nelc.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A white RGB image with the drawing the figures need: text, pixel images, heatmaps, bars and color
 * bars. Coordinates are pixels from the top left.
 */
final class Canvas {
    static {
        Headless.ensure();
    }

    static final String FONT = Font.SANS_SERIF;
    private final BufferedImage image;
    private final Graphics2D g;

    Canvas(int width, int height) {
        image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    Graphics2D graphics() {
        return g;
    }

    BufferedImage done() {
        g.dispose();
        return image;
    }

    /** Text with its baseline at {@code y}, starting at {@code x}. */
    void text(String s, int x, int y, int size, boolean bold) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(FONT, bold ? Font.BOLD : Font.PLAIN, size));
        g.drawString(s, x, y);
    }

    /** Text centered on {@code cx}, baseline at {@code y}. */
    void centered(String s, int cx, int y, int size, boolean bold) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(FONT, bold ? Font.BOLD : Font.PLAIN, size));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, cx - fm.stringWidth(s) / 2, y);
    }

    /** Text rotated by −90° (reading upwards), centered on {@code cy}, at column {@code x}. */
    void vertical(String s, int x, int cy, int size) {
        Graphics2D r = (Graphics2D) g.create();
        r.setColor(Color.BLACK);
        r.setFont(new Font(FONT, Font.PLAIN, size));
        int w = r.getFontMetrics().stringWidth(s);
        r.rotate(-Math.PI / 2, x, cy);
        r.drawString(s, x - w / 2, cy);
        r.dispose();
    }

    /**
     * Pixels {@code v[offset … offset+count−1]} as an image of {@code shape} (cells past {@code count} are
     * padding, light gray), each pixel a {@code scale × scale} square; for a strip, each value a cell
     * {@code scale} wide and the strip's height tall.
     */
    void pixels(double[] v, int offset, int count, ImageShape shape, int x, int y, int scale,
            DoubleFunction<Color> color) {
        int cells = shape.rows() * shape.columns();
        int h = shape.cellHeight(scale);
        for (int i = 0; i < cells; i++) {
            g.setColor(i < count ? color.apply(v[offset + i]) : new Color(0xEEEEEE));
            g.fillRect(x + (i % shape.columns()) * scale, y + (i / shape.columns()) * h, scale, h);
        }
        frame(x, y, shape.width(scale), shape.height(scale));
    }

    void frame(int x, int y, int w, int h) {
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x - 1, y - 1, w + 1, h + 1);
    }

    /**
     * A heatmap of {@code m} (rows top to bottom) in {@code cell}-pixel squares, values in [0, 1] by viridis,
     * with the values written in the cells when they fit.
     */
    void heatmap(double[][] m, int x, int y, int cell, String rowLabel, String columnLabel) {
        int n = m.length;
        boolean numbers = cell >= 26;
        Font f = new Font(FONT, Font.PLAIN, Math.max(8, Math.min(12, cell / 3)));
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m[r].length; c++) {
                double v = m[r][c];
                Color col = Palette.viridis(v);
                g.setColor(col);
                g.fillRect(x + c * cell, y + r * cell, cell, cell);
                if (numbers) {
                    g.setFont(f);
                    g.setColor(luminance(col) > 0.55 ? Color.BLACK : Color.WHITE);
                    String s = String.format(Locale.ROOT, "%.2f", v);
                    int w = g.getFontMetrics().stringWidth(s);
                    g.drawString(s, x + c * cell + (cell - w) / 2, y + r * cell + cell / 2 + f.getSize() / 2 - 1);
                }
            }
        }
        frame(x, y, n * cell, n * cell);
        if (n <= 16) {
            for (int k = 0; k < n; k++) {
                centered(Integer.toString(k), x + k * cell + cell / 2, y - 4, 11, false);
                centered(Integer.toString(k), x - 8, y + k * cell + cell / 2 + 4, 11, false);
            }
        }
        if (columnLabel != null) {
            centered(columnLabel, x + n * cell / 2, y + n * cell + 16, 12, false);
        }
        if (rowLabel != null) {
            vertical(rowLabel, x - 20, y + n * cell / 2, 12);
        }
    }

    /** Vertical bars of {@code v} in a box, zero line drawn; bar {@code k} labeled {@code k} below. */
    void bars(double[] v, int x, int y, int w, int h, Color color) {
        double lo = 0;
        double hi = 0;
        for (double a : v) {
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        if (hi - lo <= 0) {
            hi = lo + 1;
        }
        int n = v.length;
        double bw = w / (double) Math.max(1, n);
        int zero = y + (int) Math.round(h * hi / (hi - lo));
        for (int k = 0; k < n; k++) {
            int top = y + (int) Math.round(h * (hi - Math.max(0, v[k])) / (hi - lo));
            int bottom = y + (int) Math.round(h * (hi - Math.min(0, v[k])) / (hi - lo));
            g.setColor(color);
            g.fillRect(x + (int) Math.round(k * bw + bw * 0.15), top, Math.max(1, (int) Math.round(bw * 0.7)),
                    Math.max(1, bottom - top));
            if (n <= 16) {
                centered(Integer.toString(k), x + (int) Math.round(k * bw + bw / 2), y + h + 14, 11, false);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawLine(x, zero, x + w, zero);
        frame(x, y, w, h);
        text(String.format(Locale.ROOT, "%.3g", hi), x + w + 4, y + 10, 10, false);
        text(String.format(Locale.ROOT, "%.3g", lo), x + w + 4, y + h, 10, false);
    }

    /**
     * A vertical color bar from {@code map(0)} at the bottom to {@code map(1)} at the top, with tick
     * labels at the given fractions and a title rotated along its side.
     */
    void colorBar(int x, int y, int w, int h, DoubleFunction<Color> map, double[] at, String[] labels, String title) {
        for (int r = 0; r < h; r++) {
            g.setColor(map.apply(1 - r / (double) (h - 1)));
            g.fillRect(x, y + r, w, 1);
        }
        frame(x, y, w, h);
        for (int k = 0; k < at.length; k++) {
            int yy = y + (int) Math.round((1 - at[k]) * (h - 1));
            g.setColor(Color.BLACK);
            g.drawLine(x + w, yy, x + w + 4, yy);
            text(labels[k], x + w + 6, yy + 4, 11, false);
        }
        if (title != null) {
            vertical(title, x - 8, y + h / 2, 12);
        }
    }

    void draw(BufferedImage img, int x, int y) {
        g.drawImage(img, x, y, null);
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255.0;
    }
}
