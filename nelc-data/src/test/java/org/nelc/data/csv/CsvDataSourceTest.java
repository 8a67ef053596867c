package org.nelc.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.data.DataSources;

class CsvDataSourceTest {
    @TempDir
    Path dir;

    private static final DataSources SOURCES = new DataSources(List.of(new CsvDataSource()));
    private static final DataSelection DEFAULT = DataSelection.paper().orAllIfUnlabeled();

    private Path csv(String text) throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static DataSelection labelColumn(DataSelection s, String column) {
        return s.withOptions(Map.of("label-column", column));
    }

    private static String error(Path p, DataSelection s) {
        String m = assertThrows(UserError.class, () -> SOURCES.load(p, s)).getMessage();
        assertFalse(m.contains("\n"), m);
        return m;
    }

    @Test
    void headerlessNumbersAreUnlabeledRows() throws IOException {
        Dataset d = SOURCES.load(csv("0,1,0.7\n# a comment\n\n1,0.2,0\n"), DEFAULT);
        assertArrayEquals(new byte[] {0, 1, 1, 1, 0, 0}, d.bitsView());
        assertArrayEquals(new int[] {-1, -1}, d.labels());
        assertTrue(d.source().contains("all rows (no labels) binarized x > 0.5"), d.source());
    }

    @Test
    void headerAndStringLabelsByName() throws IOException {
        Path p = csv("a,b,\"kind, of\",c\n1,0,\"shoe\",1\n0,0,bag,1\n1,1,\"shoe\",0\n");
        Dataset d = SOURCES.load(p, labelColumn(DataSelection.ofTokens(List.of("shoe"), 10), "kind, of"));
        assertEquals(Map.of(0, "bag", 1, "shoe"), d.classNames());
        assertArrayEquals(new int[] {1, 1}, d.labels());
        assertArrayEquals(new byte[] {1, 0, 1, 1, 1, 0}, d.bitsView());
        // by index, the last column counted from the end: here the label column is 2 = -2
        assertEquals(3, SOURCES.load(p, labelColumn(DataSelection.firstRows(DataSelection.ALL), "-2")).size());
        assertTrue(error(p, labelColumn(DEFAULT, "kind")).contains("no such column in the header"));
        assertTrue(error(p, DEFAULT).contains("'shoe' is not a number (labels in a column: --label-column)"));
    }

    @Test
    void integerLabelsWithoutHeaderByIndexAndThreshold() throws IOException {
        Path p = csv("3;0;200\n5;255;0\n3;128;127\n");
        Dataset d = SOURCES.load(p, new DataSelection(List.of(3), 5, false)
                .withOptions(Map.of("label-column", "0", "threshold", "128")));
        assertArrayEquals(new int[] {3, 3}, d.labels());
        assertArrayEquals(new byte[] {0, 1, 1, 0}, d.bitsView());
        assertTrue(d.classNames().isEmpty());
        assertTrue(d.source().contains("binarized x >= 128"), d.source());
        assertTrue(error(p, labelColumn(new DataSelection(List.of(3), 5, false), "0"))
                .contains("line 1, value 2 is 200; floats are binarized at 0.5"));
    }

    @Test
    void badFiles() throws IOException {
        assertTrue(error(csv(""), DEFAULT).endsWith("empty file"));
        assertTrue(error(csv("a,b\n"), DEFAULT).endsWith("no rows of values"));
        assertTrue(error(csv("0,1\n1,0,1\n"), DEFAULT).contains("line 2: 3 fields, but line 1 has 2"));
        assertTrue(error(csv("0,1\n1,nan\n"), DEFAULT).contains("line 2, value 1 is NaN"));
        assertTrue(error(csv("0,1\n1,\"0\n"), DEFAULT).contains("unclosed double quote"));
        assertTrue(error(csv("0,1\n"), labelColumn(DEFAULT, "7")).contains("has 2 columns"));
        assertTrue(error(csv("0,1\n1,0\n"), labelColumn(DEFAULT, "lab")).contains("no header row to name it"));
        assertTrue(error(csv("1\n0\n"), labelColumn(DEFAULT, "0")).contains("no values besides the label"));
        assertTrue(error(csv("0,1\n"), DEFAULT.withOptions(Map.of("x-key", "x"))).startsWith("--x-key: not used by the csv"));
    }

    /** reliability.md: a UTF-8 byte-order mark must not become part of the first header name. */
    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        Path p = csv("\uFEFFlabel,a,b\n3,1,0\n5,0,1\n");
        Dataset d = SOURCES.load(p, labelColumn(new DataSelection(List.of(3, 5), 5, false), "label"));
        assertArrayEquals(new int[] {3, 5}, d.labels());
        assertArrayEquals(new byte[] {1, 0, 0, 1}, d.bitsView());
    }
}
