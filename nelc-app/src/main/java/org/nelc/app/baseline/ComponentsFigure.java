package org.nelc.app.baseline;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nelc.analysis.baseline.BernoulliMixture;
import org.nelc.api.io.AtomicFiles;

/**
 * The components of a Bernoulli mixture side by side, each with its weight above it (like the paper's
 * fig. 3 for the latent states): for {@code D = 784} each mean {@code μ_k} is a 28×28 gray image (white
 * = 0, black = 1, as MNIST strokes), otherwise a row of {@code D} bars of height {@code μ_ki}.
 */
public final class ComponentsFigure {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int MNIST_SIDE = 28;
    private static final int SCALE = 4;
    private static final int PAD = 10;
    private static final int LABEL = 22;

    private ComponentsFigure() {
    }

    /** Draws {@code mixture} into a PNG at {@code file}, written atomically. */
    public static void write(BernoulliMixture mixture, Path file) {
        BufferedImage img = render(mixture);
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    static BufferedImage render(BernoulliMixture mixture) {
        int k = mixture.components();
        int d = mixture.dimension();
        boolean image = d == MNIST_SIDE * MNIST_SIDE;
        int cellW = image ? MNIST_SIDE * SCALE : Math.max(60, Math.min(2 * d, 400));
        int cellH = image ? MNIST_SIDE * SCALE : 80;
        int width = PAD + k * (cellW + PAD);
        int height = PAD + LABEL + cellH + PAD;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            for (int c = 0; c < k; c++) {
                int x0 = PAD + c * (cellW + PAD);
                int y0 = PAD + LABEL;
                String label = String.format(Locale.ROOT, "π = %.3f", mixture.weight(c));
                g.setColor(Color.BLACK);
                g.drawString(label, x0 + (cellW - fm.stringWidth(label)) / 2, PAD + fm.getAscent());
                if (image) {
                    for (int r = 0; r < MNIST_SIDE; r++) {
                        for (int col = 0; col < MNIST_SIDE; col++) {
                            g.setColor(gray(mixture.mean(c, r * MNIST_SIDE + col)));
                            g.fillRect(x0 + col * SCALE, y0 + r * SCALE, SCALE, SCALE);
                        }
                    }
                } else {
                    g.setColor(new Color(0xF2F2F2));
                    g.fillRect(x0, y0, cellW, cellH);
                    g.setColor(new Color(0x3060A0));
                    for (int i = 0; i < d; i++) {
                        int xa = x0 + (int) ((long) i * cellW / d);
                        int xb = x0 + (int) ((long) (i + 1) * cellW / d);
                        int h = (int) Math.round(mixture.mean(c, i) * cellH);
                        g.fillRect(xa, y0 + cellH - h, Math.max(1, xb - xa - (cellW / d > 2 ? 1 : 0)), h);
                    }
                }
                g.setColor(Color.GRAY);
                g.drawRect(x0 - 1, y0 - 1, cellW + 1, cellH + 1);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** μ = 0 white, μ = 1 black. */
    private static Color gray(double mu) {
        int v = 255 - (int) Math.round(255 * Math.min(1, Math.max(0, mu)));
        return new Color(v, v, v);
    }
}
