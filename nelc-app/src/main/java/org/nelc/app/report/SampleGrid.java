package org.nelc.app.report;

import java.awt.image.BufferedImage;

/**
 * Fantasy samples along a chain ({@code nelc sample}): blocks of up to {@value #PER_ROW} steps, each a
 * row of the sampled {@code x(t)} above a row of their mean images {@code ⟨x(t)⟩ | z(t−1)}, each labeled
 * with {@code t} and {@code z(t−1)}.
 */
public final class SampleGrid {
    static final int PER_ROW = 16;
    private static final int LEFT = 110;

    private SampleGrid() {
    }

    public static BufferedImage draw(FantasyChain chain, ImageShape shape, String title) {
        int d = chain.dimension();
        int scale = shape.scaleFor(56);
        int imgW = shape.width(scale);
        int imgH = shape.height(scale);
        int cellW = Math.max(imgW, 44) + 8;
        int n = chain.steps();
        int perRow = Math.min(PER_ROW, n);
        int blocks = (n + perRow - 1) / perRow;
        int blockH = 2 * (imgH + 20) + 16;
        Canvas c = new Canvas(LEFT + perRow * cellW + 10, 44 + blocks * blockH);
        c.text(title, 12, 26, 15, true);
        for (int b = 0; b < blocks; b++) {
            int y = 44 + b * blockH;
            c.text("x(t)", 12, y + 16 + imgH / 2, 13, true);
            c.text("⟨x(t)⟩|z(t−1)", 12, y + 16 + imgH + 20 + imgH / 2, 11, true);
            for (int k = 0; k < perRow && b * perRow + k < n; k++) {
                int t = b * perRow + k;
                int x = LEFT + k * cellW;
                c.centered("t=" + (t + 1) + " z=" + chain.latent()[t], x + imgW / 2, y + 11, 10, false);
                c.pixels(chain.samples(), t * d, d, shape, x, y + 16, scale, Palette::ink);
                c.pixels(chain.means(), t * d, d, shape, x, y + 16 + imgH + 20, scale, Palette::ink);
            }
        }
        return c.done();
    }
}
