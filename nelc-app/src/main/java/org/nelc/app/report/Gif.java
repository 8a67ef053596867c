package org.nelc.app.report;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIFs with the JDK's own GIF writer ({@code javax.imageio}): every frame carries a Graphic
 * Control Extension with its delay, the first one the NETSCAPE2.0 application extension that makes
 * browsers loop. Frames are reduced to one fixed 256-colour palette (a 6×6×6 colour cube and 40 grays),
 * so that no per-frame palette is built and the frames compress well (LZW).
 */
public final class Gif {
    private static final IndexColorModel PALETTE = palette();
    private static final int GRAYS = 40;

    private Gif() {
    }

    /**
     * The frames as an animated GIF, {@code delayMillis} per frame (GIF counts hundredths of a second),
     * looping forever.
     */
    public static byte[] animate(List<BufferedImage> frames, int delayMillis) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no GIF writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            ImageWriteParam param = writer.getDefaultWriteParam();
            for (int k = 0; k < frames.size(); k++) {
                BufferedImage frame = indexed(frames.get(k));
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("transparentColorIndex", "0");
                gce.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(delayMillis / 10f))));
                if (k == 0) {
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    // sub-block 1, loop count 0 (forever), little-endian
                    app.setUserObject(new byte[] {1, 0, 0});
                    child(root, "ApplicationExtensions").appendChild(app);
                }
                meta.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The child of {@code root} named {@code name}, created if missing. */
    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /** The image in the fixed palette: grays to the nearest of the 40 grays, colours to the cube. */
    static BufferedImage indexed(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        byte[] px = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            rgb.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int r = row[x] >> 16 & 0xff;
                int g = row[x] >> 8 & 0xff;
                int b = row[x] & 0xff;
                int index;
                if (Math.abs(r - g) < 12 && Math.abs(g - b) < 12 && Math.abs(r - b) < 12) {
                    index = 216 + Math.round((r + g + b) / 3f * (GRAYS - 1) / 255f);
                } else {
                    index = 36 * Math.round(r * 5 / 255f) + 6 * Math.round(g * 5 / 255f) + Math.round(b * 5 / 255f);
                }
                px[y * w + x] = (byte) index;
            }
        }
        return out;
    }

    private static IndexColorModel palette() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 216; i++) {
            r[i] = (byte) (i / 36 * 51);
            g[i] = (byte) (i / 6 % 6 * 51);
            b[i] = (byte) (i % 6 * 51);
        }
        for (int k = 0; k < GRAYS; k++) {
            byte v = (byte) Math.round(k * 255f / (GRAYS - 1));
            r[216 + k] = v;
            g[216 + k] = v;
            b[216 + k] = v;
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
