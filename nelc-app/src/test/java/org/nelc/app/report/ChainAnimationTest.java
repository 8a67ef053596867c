package org.nelc.app.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Node;

class ChainAnimationTest {
    /** What a decoder sees in a GIF: the frames, each frame's delay (1/100 s), the loop extension. */
    record Decoded(List<BufferedImage> frames, List<Integer> delays, byte[] loop) {
    }

    static Decoded decode(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            byte[] loop = null;
            for (int k = 0; k < n; k++) {
                frames.add(reader.read(k));
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(k).getAsTree("javax_imageio_gif_image_1.0");
                for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals("GraphicControlExtension")) {
                        delays.add(Integer.parseInt(((IIOMetadataNode) c).getAttribute("delayTime")));
                    }
                    if (c.getNodeName().equals("ApplicationExtensions")) {
                        IIOMetadataNode app = (IIOMetadataNode) c.getFirstChild();
                        if ("NETSCAPE".equals(app.getAttribute("applicationID"))
                                && "2.0".equals(app.getAttribute("authenticationCode"))) {
                            loop = (byte[]) app.getUserObject();
                        }
                    }
                }
            }
            return new Decoded(frames, delays, loop);
        } finally {
            reader.dispose();
        }
    }

    /** A chain of {@code steps} random MNIST-sized frames: the worst case for the compressed size. */
    static FantasyChain randomChain(int steps, int d, int states, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] z = new int[steps];
        double[] means = new double[steps * d];
        double[] samples = new double[steps * d];
        for (int t = 0; t < steps; t++) {
            z[t] = rng.nextInt(states);
            for (int i = 0; i < d; i++) {
                means[t * d + i] = rng.nextDouble();
                samples[t * d + i] = rng.nextInt(2);
            }
        }
        return new FantasyChain(z, means, samples, d);
    }

    @Test
    void framesDelaysAndLoopDecode() throws Exception {
        FantasyChain chain = randomChain(12, 36, 6, 1);
        Decoded g = decode(ChainAnimation.gif(chain, ImageShape.of(6, 6), 6, "test"));
        assertEquals(12, g.frames().size());
        assertEquals(java.util.Collections.nCopies(12, ChainAnimation.DELAY_MILLIS / 10), g.delays());
        assertArrayEquals(new byte[] {1, 0, 0}, g.loop(), "NETSCAPE2.0: sub-block 1, loop forever");
        // the frames differ (the animation moves) and have one size
        BufferedImage a = g.frames().get(0);
        BufferedImage b = g.frames().get(1);
        assertEquals(a.getWidth(), b.getWidth());
        boolean differ = false;
        for (int y = 0; y < a.getHeight() && !differ; y++) {
            for (int x = 0; x < a.getWidth() && !differ; x++) {
                differ = a.getRGB(x, y) != b.getRGB(x, y);
            }
        }
        assertTrue(differ);
    }

    /** The bound: 48 frames of MNIST (random pixels, so nothing compresses well) under 1 MB. */
    @Test
    void fortyEightMnistFramesStayUnderOneMegabyte() throws Exception {
        byte[] gif = ChainAnimation.gif(randomChain(48, 784, 6, 2), ImageShape.of(28, 28), 6, "mnist-sized");
        assertTrue(gif.length < 1_000_000, gif.length + " bytes");
        assertEquals(48, decode(gif).frames().size());
    }

    @Test
    void stripsForDataThatAreNotImages() throws Exception {
        Decoded g = decode(ChainAnimation.gif(randomChain(3, 37, 64, 3), ImageShape.strip(37), 64, "strip"));
        assertEquals(3, g.frames().size());
    }
}
