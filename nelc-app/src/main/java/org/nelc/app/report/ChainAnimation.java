package org.nelc.app.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain as an animation (the paper's fantasy images cycling through the prototypes, Fig. 3): one
 * frame per double step {@code t}, showing the latent state {@code z(t−1)} among all states (each in
 * its own colour, the current one filled), the mean image {@code ⟨x(t)⟩ | z(t−1)} and the sample
 * {@code x(t)}, looping.
 */
public final class ChainAnimation {
    /** Time per frame. */
    public static final int DELAY_MILLIS = 300;
    private static final int TARGET = 96;

    private ChainAnimation() {
    }

    /** The frames of {@code chain}, drawn with {@code shape}, as an animated GIF. */
    public static byte[] gif(FantasyChain chain, ImageShape shape, int states, String title) {
        return Gif.animate(frames(chain, shape, states, title), DELAY_MILLIS);
    }

    static List<BufferedImage> frames(FantasyChain chain, ImageShape shape, int states, String title) {
        int d = chain.dimension();
        int scale = shape.scaleFor(TARGET);
        int imgW = shape.width(scale);
        int imgH = shape.height(scale);
        int box = states <= 16 ? 18 : states <= 64 ? 8 : 0;
        int statesW = box == 0 ? 0 : states * (box + 3);
        int width = Math.max(Math.max(2 * imgW + 60, statesW + 24), 260);
        int top = 44 + (box == 0 ? 0 : box + 20) + 16;
        int height = top + imgH + 30;
        List<BufferedImage> frames = new ArrayList<>();
        for (int t = 0; t < chain.steps(); t++) {
            int z = chain.latent()[t];
            Canvas c = new Canvas(width, height);
            c.text(title, 8, 16, 12, true);
            c.text("t = " + (t + 1) + " / " + chain.steps() + "    z(t−1) = " + z, 8, 34, 12, false);
            if (box > 0) {
                var g = c.graphics();
                for (int s = 0; s < states; s++) {
                    int x = 12 + s * (box + 3);
                    Color col = Palette.viridis(states == 1 ? 0 : (double) s / (states - 1));
                    g.setColor(s == z ? col : Color.WHITE);
                    g.fillRect(x, 44, box, box);
                    g.setColor(s == z ? Color.BLACK : col);
                    g.drawRect(x, 44, box, box);
                    if (box >= 18 && states <= 16) {
                        c.centered(Integer.toString(s), x + box / 2, 44 + box + 13, 10, s == z);
                    }
                }
            }
            int x0 = (width - 2 * imgW - 30) / 2;
            c.centered("⟨x(t)⟩ | z(t−1)", x0 + imgW / 2, top - 4, 11, false);
            c.pixels(chain.means(), t * d, d, shape, x0, top, scale, Palette::ink);
            c.centered("x(t)", x0 + imgW + 30 + imgW / 2, top - 4, 11, false);
            c.pixels(chain.samples(), t * d, d, shape, x0 + imgW + 30, top, scale, Palette::ink);
            frames.add(c.done());
        }
        return frames;
    }
}
