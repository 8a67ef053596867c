package org.nelc.data.idx;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.Threshold;
import org.nelc.data.RowCollector;
import org.nelc.data.io.InputFiles;

/**
 * Reads IDX files: an images file (magic 2051 = {@code 00 00 08 03}: unsigned bytes, three
 * dimensions n×rows×cols, big-endian) and its labels file (magic 2049 = {@code 00 00 08 01}: n
 * unsigned bytes), each raw or gzip-compressed (recognized by content, not name).
 *
 * <p>The path is either a directory holding {@code train-images-idx3-ubyte[.gz]} (else
 * {@code t10k-images-idx3-ubyte[.gz]}; the {@code .idx3-ubyte} spelling with a dot is accepted too)
 * or the images file itself. The labels file is the images file's name with {@code images-idx3}
 * replaced by {@code labels-idx1}, next to it; it may be missing only if the selection asks for no
 * classes (the rows are then unlabeled). Pixels are binarized by {@link Threshold} (1 iff ≥ 128, or
 * the {@code threshold} option); the image shape travels with the rows. The whole file is read and checked, also past the
 * rows the selection keeps.
 */
public final class IdxDataSource implements DataSource {
    /** The stable name of this source. */
    public static final String NAME = "idx";

    /** Magic number of an images file: unsigned bytes, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic number of a labels file: unsigned bytes, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final List<String> IMAGE_NAMES = List.of(
            "train-images-idx3-ubyte", "train-images.idx3-ubyte", "t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("threshold");
    }

    @Override
    public String description() {
        return "IDX images + labels files (MNIST originals), raw or .gz (bytes >= 128 become 1)";
    }

    /**
     * A directory holding a train or t10k images file, a file named {@code *images?idx3-ubyte[.gz]},
     * or a raw file starting with the images magic.
     */
    @Override
    public boolean accepts(Path path) {
        if (Files.isDirectory(path)) {
            return imagesIn(path) != null;
        }
        if (!Files.isRegularFile(path)) {
            return false;
        }
        if (InputFiles.endsWithAny(InputFiles.fileName(path), "idx3-ubyte", "idx3-ubyte.gz")) {
            return true;
        }
        byte[] head = InputFiles.head(path, 4);
        return head.length == 4 && toInt(head) == IMAGES_MAGIC;
    }

    @Override
    public Dataset load(Path path, DataSelection selection) {
        Path images = Files.isDirectory(path) ? imagesIn(path) : path;
        if (images == null) {
            throw new UserError(path + ": directory without an IDX images file (expected one of "
                    + IMAGE_NAMES + ", optionally .gz)");
        }
        InputFiles.requireRegularFile(images);
        Path labelsFile = labelsFor(images);
        int[] labels = null;
        if (labelsFile != null) {
            labels = readLabels(labelsFile);
        } else if (!selection.allRows() && !selection.allIfUnlabeled()) {
            String name = labelsName(images);
            throw new UserError(images + ": no labels file beside it ("
                    + (name == null ? "its name does not contain images-idx3" : "looked for " + name + " and .gz")
                    + "), so classes " + selection.classes() + " cannot be selected");
        }
        return readImages(images, labelsFile, labels, selection);
    }

    private static Dataset readImages(Path images, Path labelsFile, int[] labels, DataSelection selection) {
        try (DataInputStream in = new DataInputStream(InputFiles.openMaybeGzip(images))) {
            byte[] header = in.readNBytes(16);
            if (header.length < 4) {
                throw new UserError(images + ": truncated IDX file, " + header.length + " bytes (no header)");
            }
            int magic = toInt(header);
            if (magic != IMAGES_MAGIC) {
                throw new UserError(images + ": IDX magic " + magic + " (0x" + hex(magic) + "), expected " + IMAGES_MAGIC
                        + " (0x" + hex(IMAGES_MAGIC) + ": images of unsigned bytes, 3 dimensions)"
                        + (magic == LABELS_MAGIC ? "; this is a labels file" : ""));
            }
            if (header.length < 16) {
                throw new UserError(images + ": truncated IDX header, " + header.length + " of 16 bytes");
            }
            long n = toUnsigned(header, 4);
            long rows = toUnsigned(header, 8);
            long cols = toUnsigned(header, 12);
            if (rows < 1 || cols < 1 || rows * cols > Integer.MAX_VALUE / 2) {
                throw new UserError(images + ": image size " + rows + "×" + cols + " in the IDX header");
            }
            if (n == 0) {
                throw new UserError(images + ": no images (count 0 in the IDX header)");
            }
            if (labels != null && labels.length != n) {
                throw new UserError(images + " holds " + n + " images but " + labelsFile + " holds " + labels.length
                        + " labels");
            }
            int dim = (int) (rows * cols);
            Double threshold = Threshold.parse(selection.option("threshold"));
            Threshold rule = new Threshold(images.toString(), Threshold.Kind.UINT8, threshold);
            RowCollector collector = new RowCollector(images, selection, dim, "class")
                    .reading(threshold == null ? "" : rule.describe());
            byte[] gray = new byte[dim];
            byte[] bits = new byte[dim];
            for (long k = 0; k < n; k++) {
                int got = in.readNBytes(gray, 0, dim);
                if (got < dim) {
                    throw new UserError(images + ": truncated IDX file, ends in image " + k + " of " + n
                            + " (the header says " + n + " images of " + rows + "×" + cols + " = "
                            + (16 + n * dim) + " bytes)");
                }
                int label = labels == null ? -1 : labels[(int) k];
                if (collector.wants(label)) {
                    for (int i = 0; i < dim; i++) {
                        bits[i] = rule.bit(gray[i] & 0xff, k, i);
                    }
                }
                collector.offer(label, bits, 0);
            }
            if (in.read() != -1) {
                throw new UserError(images + ": extra bytes after the " + n + " images of " + rows + "×" + cols
                        + " the IDX header announces");
            }
            return collector.build().withImageShape(new int[] {(int) rows, (int) cols});
        } catch (EOFException e) {
            throw new UserError(images + ": truncated" + InputFiles.detail(e), e);
        } catch (IOException e) {
            throw new UserError(images + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static int[] readLabels(Path file) {
        try (DataInputStream in = new DataInputStream(InputFiles.openMaybeGzip(file))) {
            byte[] header = in.readNBytes(8);
            if (header.length < 4) {
                throw new UserError(file + ": truncated IDX file, " + header.length + " bytes (no header)");
            }
            int magic = toInt(header);
            if (magic != LABELS_MAGIC) {
                throw new UserError(file + ": IDX magic " + magic + " (0x" + hex(magic) + "), expected " + LABELS_MAGIC
                        + " (0x" + hex(LABELS_MAGIC) + ": labels of unsigned bytes, 1 dimension)"
                        + (magic == IMAGES_MAGIC ? "; this is an images file" : ""));
            }
            if (header.length < 8) {
                throw new UserError(file + ": truncated IDX header, " + header.length + " of 8 bytes");
            }
            long n = toUnsigned(header, 4);
            if (n > Integer.MAX_VALUE - 16) {
                throw new UserError(file + ": label count " + n + " in the IDX header");
            }
            byte[] raw = in.readNBytes((int) n);
            if (raw.length < n) {
                throw new UserError(file + ": truncated IDX file, " + raw.length + " of the " + n
                        + " labels the header announces");
            }
            if (in.read() != -1) {
                throw new UserError(file + ": extra bytes after the " + n + " labels the IDX header announces");
            }
            int[] labels = new int[(int) n];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        } catch (EOFException e) {
            throw new UserError(file + ": truncated" + InputFiles.detail(e), e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The first images file of {@link #IMAGE_NAMES} (raw, else .gz) in {@code dir}, or null. */
    private static Path imagesIn(Path dir) {
        for (String name : IMAGE_NAMES) {
            for (String candidate : List.of(name, name + ".gz")) {
                Path p = dir.resolve(candidate);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The labels file beside {@code images} (same compression first, then the other), or null. */
    private static Path labelsFor(Path images) {
        String name = labelsName(images);
        if (name == null) {
            return null;
        }
        String other = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name + ".gz";
        for (String candidate : List.of(name, other)) {
            Path p = images.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static String labelsName(Path images) {
        String name = InputFiles.fileName(images);
        if (name.contains("images-idx3")) {
            return name.replace("images-idx3", "labels-idx1");
        }
        if (name.contains("images.idx3")) {
            return name.replace("images.idx3", "labels.idx1");
        }
        return null;
    }

    private static int toInt(byte[] b) {
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    private static long toUnsigned(byte[] b, int offset) {
        return ((long) (b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    private static String hex(int v) {
        return String.format(Locale.ROOT, "%08x", v);
    }
}
