package org.nelc.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

class TextDataWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesWhatTheTextSourceReadsBack() throws IOException {
        Dataset d = new Dataset(3, 4, new byte[] {0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1}, new int[] {2, 0, 2}, "made up");
        Path file = dir.resolve("out.txt");
        TextDataWriter.write(d, file);
        assertEquals(List.of("# made up", "2\t0110", "0\t1111", "2\t0001"), Files.readAllLines(file));
        Dataset back = new TextDataSource().load(file, new DataSelection(List.of(), 100, false));
        assertEquals(d.fingerprint(), back.fingerprint());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void unlabeledRowsHaveNoLabelField() throws IOException {
        Dataset d = new Dataset(2, 2, new byte[] {0, 1, 1, 0}, new int[] {-1, -1}, "u");
        Path file = dir.resolve("u.txt");
        TextDataWriter.write(d, file);
        assertEquals(List.of("# u", "01", "10"), Files.readAllLines(file));
        Dataset back = new TextDataSource().load(file, new DataSelection(List.of(), 9, false));
        assertArrayEquals(d.labels(), back.labels());
        assertTrue(Files.isRegularFile(file));
    }
}
