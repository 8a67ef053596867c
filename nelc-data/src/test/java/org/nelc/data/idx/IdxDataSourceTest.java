package org.nelc.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

class IdxDataSourceTest {
    private static final int ROWS = 2;
    private static final int COLS = 3;
    private static final int[] LABELS = {1, 0, 1, 2, 0, 1};

    @TempDir
    Path dir;

    private final IdxDataSource source = new IdxDataSource();

    /** Gray level of pixel {@code i} of image {@code n}: covers both sides of the 128 threshold. */
    private static int gray(int n, int i) {
        int[] levels = {0, 127, 128, 255, 64, 200};
        return levels[(n + i) % levels.length];
    }

    private static byte[] images(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols).putInt(2051).putInt(n).putInt(rows).putInt(cols);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < rows * cols; i++) {
                b.put((byte) gray(k, i));
            }
        }
        return b.array();
    }

    private static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(2049).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** A standard pair in {@code dir}: train-*-ubyte, gzipped or not. */
    private Path standardPair(boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        write("train-images-idx3-ubyte" + ext, gz ? gzip(images(LABELS.length, ROWS, COLS)) : images(LABELS.length, ROWS, COLS));
        write("train-labels-idx1-ubyte" + ext, gz ? gzip(labels(LABELS)) : labels(LABELS));
        return dir.resolve("train-images-idx3-ubyte" + ext);
    }

    private static DataSelection digits(int perClass, Integer... classes) {
        return new DataSelection(List.of(classes), perClass, false);
    }

    private static void assertMentions(UserError e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
    }

    private static void assertRow(Dataset d, int row, int image) {
        for (int i = 0; i < ROWS * COLS; i++) {
            assertEquals(gray(image, i) >= 128 ? 1 : 0, d.bit(row, i), "row " + row + " pixel " + i);
        }
    }

    @Test
    void nameAndDescription() {
        assertEquals("idx", source.name());
        assertFalse(source.description().isBlank());
    }

    @Test
    void loadsRawFilesFromADirectoryWithTheSelection() throws IOException {
        standardPair(false);
        Dataset d = source.load(dir, digits(2, 1, 0));
        // images with label 1: 0, 2, 5; label 0: 1, 4
        assertArrayEquals(new int[] {1, 1, 0, 0}, d.labels());
        assertEquals(ROWS * COLS, d.dimension());
        assertRow(d, 0, 0);
        assertRow(d, 1, 2);
        assertRow(d, 2, 1);
        assertRow(d, 3, 4);
        assertEquals("train-images-idx3-ubyte classes=[1, 0] perClass=2", d.source());
    }

    @Test
    void loadsGzippedFilesGivenTheImagesFile() throws IOException {
        Path images = standardPair(true);
        Dataset d = source.load(images, digits(5, 2, 1));
        assertEquals(Map.of(1, 3, 2, 1), d.classCounts());
        assertRow(d, 0, 3);
        assertEquals("train-images-idx3-ubyte.gz classes=[2, 1] perClass=5", d.source());
    }

    @Test
    void binarizesFrom128() throws IOException {
        standardPair(false);
        Dataset d = source.load(dir, new DataSelection(List.of(), 1, false));
        // image 0: gray levels 0, 127, 128, 255, 64, 200
        assertArrayEquals(new int[] {2, 3, 5}, d.active(0));
    }

    @Test
    void findsT10kFilesAndMixedCompression() throws IOException {
        write("t10k-images-idx3-ubyte.gz", gzip(images(LABELS.length, ROWS, COLS)));
        write("t10k-labels-idx1-ubyte", labels(LABELS));
        assertTrue(source.accepts(dir));
        assertEquals(Map.of(0, 2), source.load(dir, digits(9, 0)).classCounts());
    }

    @Test
    void gzipIsRecognizedByContentNotName() throws IOException {
        Path images = write("data-images-idx3-ubyte", gzip(images(2, ROWS, COLS)));
        write("data-labels-idx1-ubyte", gzip(labels(3, 4)));
        assertArrayEquals(new int[] {4}, source.load(images, digits(9, 4)).labels());
    }

    @Test
    void withoutLabelsOnlyUnclassedSelectionsWork() throws IOException {
        Path images = write("train-images-idx3-ubyte", images(4, ROWS, COLS));
        Dataset d = source.load(images, new DataSelection(List.of(), 3, false));
        assertArrayEquals(new int[] {-1, -1, -1}, d.labels());
        assertArrayEquals(new int[] {ROWS, COLS}, d.imageShape());
        assertMentions(assertThrows(UserError.class, () -> source.load(images, digits(3, 0))),
                images.toString(), "train-labels-idx1-ubyte", "[0]");
        // the default classes (not asked for) give way to every row when there are no labels
        Dataset all = source.load(images, DataSelection.paper().orAllIfUnlabeled());
        assertEquals(4, all.size());
        assertTrue(all.source().contains("all rows (no labels)"), all.source());
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        Path images = write("train-images-idx3-ubyte", labels(LABELS));
        write("train-labels-idx1-ubyte", labels(LABELS));
        assertMentions(assertThrows(UserError.class, () -> source.load(images, digits(1, 0))),
                images.toString(), "magic 2049", "expected 2051", "labels file");
        Path images2 = write("b-images-idx3-ubyte", images(6, ROWS, COLS));
        Path labels2 = write("b-labels-idx1-ubyte", images(6, ROWS, COLS));
        assertMentions(assertThrows(UserError.class, () -> source.load(images2, digits(1, 0))),
                labels2.toString(), "magic 2051", "expected 2049");
    }

    @Test
    void truncatedImagesAreRefused() throws IOException {
        byte[] full = images(LABELS.length, ROWS, COLS);
        Path images = write("train-images-idx3-ubyte", Arrays.copyOf(full, full.length - 1));
        write("train-labels-idx1-ubyte", labels(LABELS));
        assertMentions(assertThrows(UserError.class, () -> source.load(images, digits(1, 0))),
                images.toString(), "truncated", "image 5 of 6");
        Path gz = write("z-images-idx3-ubyte.gz", Arrays.copyOf(gzip(full), 30));
        assertMentions(assertThrows(UserError.class, () -> source.load(gz, new DataSelection(List.of(), 1, false))),
                gz.toString(), "truncated");
    }

    @Test
    void truncatedHeadersAndLabelsAreRefused() throws IOException {
        Path images = write("h-images-idx3-ubyte", Arrays.copyOf(images(1, ROWS, COLS), 10));
        assertMentions(assertThrows(UserError.class, () -> source.load(images, new DataSelection(List.of(), 1, false))),
                images.toString(), "truncated IDX header", "10 of 16");
        Path images2 = write("l-images-idx3-ubyte", images(3, ROWS, COLS));
        byte[] lab = labels(1, 2, 3);
        Path labels2 = write("l-labels-idx1-ubyte", Arrays.copyOf(lab, lab.length - 1));
        assertMentions(assertThrows(UserError.class, () -> source.load(images2, digits(1, 1))),
                labels2.toString(), "truncated", "2 of the 3 labels");
    }

    @Test
    void extraBytesAreRefused() throws IOException {
        byte[] full = images(2, ROWS, COLS);
        Path images = write("x-images-idx3-ubyte", Arrays.copyOf(full, full.length + 1));
        assertMentions(assertThrows(UserError.class, () -> source.load(images, new DataSelection(List.of(), 1, false))),
                images.toString(), "extra bytes");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = write("train-images-idx3-ubyte", images(5, ROWS, COLS));
        Path labels = write("train-labels-idx1-ubyte", labels(LABELS));
        assertMentions(assertThrows(UserError.class, () -> source.load(images, digits(1, 0))),
                images.toString(), labels.toString(), "5 images", "6 labels");
    }

    @Test
    void anAbsentDigitIsRefused() throws IOException {
        Path images = standardPair(false);
        assertMentions(assertThrows(UserError.class, () -> source.load(dir, digits(1, 0, 7))),
                images.toString(), "class 7", "present: 0, 1, 2");
    }

    @Test
    void strictRefusesAShortDigit() throws IOException {
        Path images = standardPair(false);
        assertMentions(assertThrows(UserError.class, () -> source.load(dir, new DataSelection(List.of(2), 2, true))),
                images.toString(), "class 2 has 1 rows", "2 requested");
    }

    @Test
    void emptyAndZeroCountFilesAreRefused() throws IOException {
        Path empty = write("e-images-idx3-ubyte", new byte[0]);
        assertMentions(assertThrows(UserError.class, () -> source.load(empty, new DataSelection(List.of(), 1, false))),
                empty.toString(), "truncated", "0 bytes");
        Path zero = write("0-images-idx3-ubyte", images(0, ROWS, COLS));
        assertMentions(assertThrows(UserError.class, () -> source.load(zero, new DataSelection(List.of(), 1, false))),
                zero.toString(), "no images");
    }

    @Test
    void aDirectoryWithoutImagesIsRefused() {
        assertFalse(source.accepts(dir));
        assertMentions(assertThrows(UserError.class, () -> source.load(dir, digits(1, 0))), dir.toString(),
                "train-images-idx3-ubyte");
    }

    @Test
    void acceptsByNameOrMagic() throws IOException {
        assertTrue(source.accepts(write("foo-images-idx3-ubyte", new byte[0])));
        assertTrue(source.accepts(write("foo-images-idx3-ubyte.gz", new byte[0])));
        assertTrue(source.accepts(write("anything.bin", images(1, 1, 1))));
        assertFalse(source.accepts(write("labels.bin", labels(1))));
        assertFalse(source.accepts(write("a.txt", "0101\n".getBytes())));
        assertFalse(source.accepts(dir.resolve("absent-images-idx3-ubyte")));
    }
}
