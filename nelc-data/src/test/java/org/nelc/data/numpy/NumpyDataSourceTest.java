package org.nelc.data.numpy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.data.DataSources;
import org.nelc.data.csv.CsvDataSource;

class NumpyDataSourceTest {
    @TempDir
    Path dir;

    private static final DataSources SOURCES = new DataSources(List.of(new NumpyDataSource(), new CsvDataSource()));
    /** What a training command asks for without flags: the paper's classes, or every row when unlabeled. */
    private static final DataSelection DEFAULT = DataSelection.paper().orAllIfUnlabeled();

    /** 2 rows × 6 values whose bits under the default rules are known. */
    private static final double[] GRAY = {0, 127, 128, 255, 3, 200, 255, 0, 129, 12, 128, 64};
    private static final byte[] GRAY_BITS = {0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0};
    private static final double[] UNIT = {0, 0.5, 0.51, 1, 0.2, 0.9, 1, 0, 0.75, 0.25, 0.6, 0.5};
    private static final byte[] UNIT_BITS = {0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0};

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static Dataset load(Path p, DataSelection s) {
        return SOURCES.load(p, s);
    }

    private static String error(Path p, DataSelection s) {
        return assertThrows(UserError.class, () -> load(p, s)).getMessage();
    }

    @ParameterizedTest(name = "v{0} {1} fortran={2}")
    @CsvSource({"1, |u1, false", "1, |u1, true", "2, |u1, false", "3, |u1, true",
        "1, <f8, false", "3, >f8, true", "1, >f8, false", "3, <f8, true", "1, <f4, false", "2, >f4, true"})
    void readsEveryVersionByteOrderAndMemoryOrder(int version, String descr, boolean fortran) throws IOException {
        boolean bytes = descr.endsWith("u1");
        Path p = write("a.npy", NpyFiles.npy(version, descr, fortran, new long[] {2, 6}, bytes ? GRAY : UNIT));
        Dataset d = load(p, DEFAULT);
        assertEquals(2, d.size());
        assertEquals(6, d.dimension());
        assertArrayEquals(bytes ? GRAY_BITS : UNIT_BITS, d.bitsView());
        assertArrayEquals(new int[] {-1, -1}, d.labels());
        assertNull(d.imageShape());
        assertTrue(d.source().contains(bytes ? "binarized x >= 128" : "binarized x > 0.5"), d.source());
        assertTrue(d.source().contains("all rows (no labels)"), d.source());
    }

    @ParameterizedTest(name = "{0} fortran={1}")
    @CsvSource({"|b1, false", "|b1, true", "<i8, false", ">i2, true", ">u4, false", "|i1, true", "<u8, false"})
    void boolAndZeroOneIntegersAreBitsAsTheyAre(String descr, boolean fortran) throws IOException {
        double[] v = {1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1};
        Path p = write("b.npy", NpyFiles.npy(1, descr, fortran, new long[] {3, 4}, v));
        Dataset d = load(p, DEFAULT);
        byte[] expect = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            expect[i] = (byte) v[i];
        }
        assertArrayEquals(expect, d.bitsView());
    }

    @Test
    void threeDimensionalImagesAreFlattenedInCOrderAndKeepTheirShape() throws IOException {
        // 2 images of 2×3; Fortran order and big-endian in the file
        double[] v = {1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1};
        Path p = write("img.npy", NpyFiles.npy(3, ">f8", true, new long[] {2, 2, 3}, v));
        Dataset d = load(p, DEFAULT);
        assertEquals(6, d.dimension());
        assertArrayEquals(new int[] {2, 3}, d.imageShape());
        assertArrayEquals(new byte[] {1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1}, d.bitsView());
    }

    @Test
    void thresholdOptionAndRowLimit() throws IOException {
        double[] v = {-3, 2.5, 7, 0, 1, 9, 4, 4, 4};
        Path p = write("t.npy", NpyFiles.npy(1, "<f8", false, new long[] {3, 3}, v));
        assertTrue(error(p, DEFAULT).contains("--threshold"));
        Dataset d = load(p, DataSelection.firstRows(2).withOptions(Map.of("threshold", "2.5")));
        assertArrayEquals(new byte[] {0, 1, 1, 0, 0, 1}, d.bitsView());
        assertTrue(d.source().contains("first 2 rows") && d.source().contains("binarized x >= 2.5"), d.source());
        Path ints = write("i.npy", NpyFiles.npy(1, "<i4", false, new long[] {1, 2}, new double[] {0, 5}));
        assertTrue(error(ints, DEFAULT).contains("must be 0 or 1"));
    }

    @Test
    void gzippedNpyIsRead() throws IOException {
        Path p = dir.resolve("a.npy.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(NpyFiles.npy(1, "|u1", false, new long[] {2, 6}, GRAY));
        }
        assertArrayEquals(GRAY_BITS, load(p, DEFAULT).bitsView());
    }

    private Path npz(String name, boolean compressed, Map<String, byte[]> arrays) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
            zip.setMethod(compressed ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            for (var e : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                if (!compressed) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return p;
    }

    private static Map<String, byte[]> ordered(Object... kv) {
        Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (byte[]) kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void npzWithIntegerLabelsSelectsClasses(boolean compressed) throws IOException {
        byte[] x = NpyFiles.npy(1, "|u1", false, new long[] {4, 3}, new double[] {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0});
        byte[] y = NpyFiles.npy(1, "<i8", false, new long[] {4}, new double[] {7, 3, 7, 5});
        Path p = npz("d.npz", compressed, ordered("y", y, "x", x));
        Dataset d = load(p, new DataSelection(List.of(7, 5), 10, false));
        assertArrayEquals(new int[] {7, 7, 5}, d.labels());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 1, 1, 1, 0}, d.bitsView());
        assertTrue(d.classNames().isEmpty());
        // the default selection takes classes 0, 1, 2, which this file lacks
        assertTrue(error(p, DEFAULT).contains("no rows of classes 0, 1, 2"));
        assertEquals(4, load(p, DataSelection.firstRows(DataSelection.ALL)).size());
    }

    @Test
    void npzWithStringLabelsMapsThemSortedAndSelectsByName() throws IOException {
        byte[] x = NpyFiles.npy(1, "|b1", false, new long[] {4, 2}, new double[] {1, 0, 0, 1, 1, 1, 0, 0});
        byte[] y = NpyFiles.unicode(new String[] {"dog", "cat", "émeu", "cat"}, 4);
        Path p = npz("s.npz", true, ordered("images", x, "y", y));
        Dataset d = load(p, DataSelection.ofTokens(List.of("dog", "cat"), 5));
        assertEquals(Map.of(0, "cat", 1, "dog", 2, "émeu"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 0}, d.labels());
        assertArrayEquals(new byte[] {1, 0, 0, 1, 0, 0}, d.bitsView());
        assertTrue(error(p, DataSelection.ofTokens(List.of("cow"), 5)).contains("no class 'cow' (classes: cat, dog, émeu)"));
        // by id, as a model file records it
        assertArrayEquals(new int[] {2}, load(p, new DataSelection(List.of(2), 5, false)).labels());
    }

    @Test
    void npzKeys() throws IOException {
        byte[] a = NpyFiles.npy(1, "|u1", false, new long[] {3}, new double[] {1, 2, 3});
        byte[] b = NpyFiles.npy(1, "|b1", false, new long[] {2, 2}, new double[] {1, 0, 0, 1});
        byte[] c = NpyFiles.npy(1, "|b1", false, new long[] {2, 2}, new double[] {1, 1, 1, 1});
        Path p = npz("k.npz", false, ordered("a", a, "b", b, "c", c));
        assertArrayEquals(new byte[] {1, 0, 0, 1}, load(p, DEFAULT).bitsView(), "first 2-D array");
        assertArrayEquals(new byte[] {1, 1, 1, 1}, load(p, DEFAULT.withOptions(Map.of("x-key", "c"))).bitsView());
        assertTrue(error(p, DEFAULT.withOptions(Map.of("x-key", "zz"))).startsWith("--x-key zz: no such array"));
        assertTrue(error(p, DEFAULT.withOptions(Map.of("y-key", "c"))).contains("labels of shape (2, 2)"));
        assertTrue(error(p, DEFAULT.withOptions(Map.of("y-key", "a"))).contains("has 2 rows but 'a' has 3 labels"));
        Path onlyVector = npz("v.npz", false, ordered("a", a));
        assertTrue(error(onlyVector, DEFAULT).contains("no 2-D or 3-D array"));
    }

    @Test
    void optionsOfAnotherFormatAreRefused() throws IOException {
        Path p = write("a.npy", NpyFiles.npy(1, "|u1", false, new long[] {2, 6}, GRAY));
        assertTrue(error(p, DEFAULT.withOptions(Map.of("label-column", "0"))).startsWith("--label-column: not used by the numpy"));
        assertTrue(error(p, DEFAULT.withOptions(Map.of("x-key", "x"))).contains("single .npy array"));
    }

    /** Every bad file: one line naming the file and the reason. */
    @Test
    void badFiles() throws IOException {
        byte[] good = NpyFiles.npy(1, "<f8", false, new long[] {2, 3}, new double[] {0, 1, 0, 1, 0, 1});
        assertBad(Arrays.copyOf(good, good.length - 5), "truncated: the header announces (2, 3) float64 = 48 bytes");
        assertBad(Arrays.copyOf(good, 40), "truncated .npy header");
        assertBad(Arrays.copyOf(good, 7), "truncated .npy header (7 bytes)");
        byte[] extra = Arrays.copyOf(good, good.length + 1);
        assertBad(extra, "extra bytes");
        assertBad("hello world".getBytes(), "not a .npy array");
        byte[] v4 = good.clone();
        v4[6] = 4;
        assertBad(v4, "version 4.0 is not supported");
        assertBad(NpyFiles.withHeader(1, "{'descr': '|O', 'fortran_order': False, 'shape': (2, 3), }", new byte[48]),
                "object array holds pickled Python objects");
        assertBad(NpyFiles.withHeader(1, "{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (2,), }",
                new byte[24]), "structured dtype");
        assertBad(NpyFiles.withHeader(1, "{'descr': '<c16', 'fortran_order': False, 'shape': (1, 1), }", new byte[16]),
                "complex numbers");
        assertBad(NpyFiles.withHeader(1, "{'descr': '<f2', 'fortran_order': False, 'shape': (1, 1), }", new byte[2]),
                "floats of 4 or 8 bytes only");
        assertBad(NpyFiles.withHeader(1, "{'descr': '<U3', 'fortran_order': False, 'shape': (1, 1), }", new byte[12]),
                "holds strings");
        assertBad(NpyFiles.withHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3) ", new byte[48]),
                "unreadable .npy header");
        assertBad(NpyFiles.withHeader(1, "{'descr': '<f8', 'shape': (2, 3), }", new byte[48]), "lacks descr, fortran_order");
        assertBad(NpyFiles.npy(1, "<f8", false, new long[] {6}, new double[6]), "1-D array of shape (6,)");
        assertBad(NpyFiles.npy(1, "<f8", false, new long[] {1, 2, 1, 3}, new double[6]), "4-D array");
        assertBad(NpyFiles.npy(1, "<f8", false, new long[] {0, 3}, new double[0]), "empty array of shape (0, 3)");
        assertBad(NpyFiles.npy(1, "<f8", false, new long[] {2, 2}, new double[] {0, Double.NaN, 1, 1}), "row 0, value 1 is NaN");
        assertBad(NpyFiles.npy(1, "<f4", true, new long[] {2, 2}, new double[] {0, 1, Double.POSITIVE_INFINITY, 1}),
                "is Infinity");
        Path labels = npz("neg.npz", false, ordered("x", good, "y", NpyFiles.npy(1, "<i4", false, new long[] {2},
                new double[] {1, -2})));
        assertTrue(error(labels, DEFAULT).contains("label -2.0 of row 1 is not a non-negative integer"));
        Path notZip = write("z.npz", good);
        assertTrue(error(notZip, DEFAULT).contains("not an .npz archive"));
    }

    private void assertBad(byte[] bytes, String expected) throws IOException {
        Path p = write("bad.npy", bytes);
        String m = error(p, DEFAULT);
        assertTrue(m.contains(expected), m);
        assertTrue(m.startsWith(p.toString()), m);
        assertFalse(m.contains("\n"), m);
    }
}
