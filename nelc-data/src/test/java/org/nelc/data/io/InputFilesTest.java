package org.nelc.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void opensRawAndGzippedFilesAlike() throws IOException {
        Path raw = Files.write(dir.resolve("raw"), new byte[] {1, 2, 3});
        Path gz = dir.resolve("gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[] {1, 2, 3});
        }
        for (Path p : new Path[] {raw, gz}) {
            try (InputStream in = InputFiles.openMaybeGzip(p)) {
                assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
            }
        }
        assertTrue(InputFiles.isGzip(InputFiles.head(gz, 2)));
        assertFalse(InputFiles.isGzip(InputFiles.head(raw, 2)));
    }

    @Test
    void requiresAnExistingRegularFile() {
        UserError missing = assertThrows(UserError.class, () -> InputFiles.requireRegularFile(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope: no such file"), missing.getMessage());
        UserError directory = assertThrows(UserError.class, () -> InputFiles.requireRegularFile(dir));
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
    }

    @Test
    void smallHelpers() {
        assertEquals("1f 8b 00", InputFiles.hex(new byte[] {0x1f, (byte) 0x8b, 0, 7}, 3));
        assertTrue(InputFiles.endsWithAny("A.TGZ", ".tgz"));
        assertEquals(0, InputFiles.head(dir.resolve("nope"), 4).length);
        assertEquals("x.txt", InputFiles.fileName(Path.of("a", "x.txt")));
    }
}
