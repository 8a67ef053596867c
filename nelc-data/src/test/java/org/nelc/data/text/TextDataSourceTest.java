package org.nelc.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

class TextDataSourceTest {
    @TempDir
    Path dir;

    private final TextDataSource source = new TextDataSource();

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static DataSelection all(int limit) {
        return new DataSelection(List.of(), limit, false);
    }

    private static DataSelection classes(int perClass, Integer... classes) {
        return new DataSelection(List.of(classes), perClass, false);
    }

    private UserError fails(Path file, DataSelection selection, String... parts) {
        UserError e = assertThrows(UserError.class, () -> source.load(file, selection));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
        return e;
    }

    private static String row(Dataset d, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.dimension(); i++) {
            sb.append(d.bit(n, i));
        }
        return sb.toString();
    }

    @Test
    void nameAndDescription() {
        assertEquals("text", source.name());
        assertFalse(source.description().isBlank());
    }

    @Test
    void readsLabeledRowsWithCommentsBlanksSpacesAndCrlf() throws IOException {
        Path file = write("rows.txt", "# a dataset\r\n\r\n3\t0 1 1 0\r\n  7\t1001   # trailing comment\r\n"
                + "3\t1111\n   \n# end\n3\t0000\n");
        Dataset d = source.load(file, classes(2, 3, 7));
        assertArrayEquals(new int[] {3, 3, 7}, d.labels());
        assertEquals(List.of("0110", "1111", "1001"), List.of(row(d, 0), row(d, 1), row(d, 2)));
        assertEquals("rows.txt classes=[3, 7] perClass=2", d.source());
    }

    @Test
    void readsUnlabeledRows() throws IOException {
        Path file = write("u.txt", "010\n111\n000\n");
        Dataset d = source.load(file, all(2));
        assertArrayEquals(new int[] {-1, -1}, d.labels());
        assertEquals("111", row(d, 1));
        assertEquals(Map.of(-1, 3), source.load(file, all(10)).classCounts());
    }

    @Test
    void readsGzippedText() throws IOException {
        Path file = dir.resolve("g.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("1\t01\n2\t10\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertArrayEquals(new int[] {2}, source.load(file, classes(5, 2)).labels());
    }

    @Test
    void rowsOfDifferentLengthsAreRefused() throws IOException {
        Path file = write("len.txt", "# header\n0101\n0110\n011\n");
        fails(file, all(10), "line 4", "3 bits", "line 2 has 4");
    }

    @Test
    void charactersOtherThanZeroAndOneAreRefused() throws IOException {
        fails(write("c.txt", "0101\n0121\n"), all(10), "line 2, column 3", "'2'");
        fails(write("x.txt", "1\t01x1\n"), all(10), "line 1, column 5", "'x'");
        fails(write("t.txt", "0\t1\t1\n"), all(10), "line 1, column 4", "TAB", "a TAB only ends the label");
        fails(write("u.txt", "0,1\n"), all(10), "','");
    }

    @Test
    void labelsMustBeNonNegativeIntegers() throws IOException {
        fails(write("l.txt", "a\t0101\n"), all(10), "line 1", "label 'a'");
        fails(write("n.txt", "-1\t0101\n"), all(10), "label '-1'");
        fails(write("b.txt", "4\t\n"), all(10), "line 1", "no bits");
    }

    @Test
    void labelsOnEveryRowOrNone() throws IOException {
        fails(write("m.txt", "1\t01\n10\n"), all(10), "line 2", "has no label", "line 1 has one");
        fails(write("m2.txt", "01\n1\t10\n"), all(10), "line 2", "has a label", "line 1 has none");
    }

    @Test
    void anAbsentClassIsRefused() throws IOException {
        fails(write("a.txt", "1\t01\n2\t10\n"), classes(1, 1, 5), "class 5", "present: 1, 2");
        fails(write("nolabels.txt", "01\n10\n"), classes(1, 1), "no labels");
    }

    @Test
    void strictRefusesAShortClassAndAShortTotal() throws IOException {
        Path file = write("s.txt", "1\t01\n2\t10\n1\t11\n");
        fails(file, new DataSelection(List.of(1, 2), 2, true), "class 2 has 1 rows", "2 requested");
        fails(file, new DataSelection(List.of(), 4, true), "3 rows, but 4 requested");
        assertEquals(Map.of(1, 2, 2, 1), source.load(file, classes(2, 1, 2)).classCounts());
    }

    @Test
    void emptyFilesAreRefused() throws IOException {
        fails(write("empty.txt", ""), all(1), "empty file");
        fails(write("comments.txt", "# only\n\n  # comments\n"), all(1), "no rows", "3 lines of comments");
    }

    @Test
    void acceptsTextByNameOrByItsFirstRow() throws IOException {
        assertTrue(source.accepts(write("a.txt", "anything")));
        assertTrue(source.accepts(write("rows.bits", "# c\n\n0 1 1\n")));
        assertTrue(source.accepts(write("labeled.dat", "12\t0110\n")));
        assertFalse(source.accepts(write("words.dat", "hello\n")));
        assertFalse(source.accepts(Files.write(dir.resolve("bin.dat"), new byte[] {0, 0, 8, 3, 1, 2})));
        assertFalse(source.accepts(dir));
    }

    /** reliability.md: a UTF-8 byte-order mark (Windows editors) made the first label 'ï»¿0'. */
    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        Path p = write("bom.dat", "\uFEFF0\t0101\n1\t1100\n");
        assertTrue(source.accepts(p), "sniffed as text despite the mark");
        Dataset d = source.load(p, all(10));
        assertArrayEquals(new int[] {0, 1}, d.labels());
        assertEquals("01011100", row(d, 0) + row(d, 1));
    }
}
