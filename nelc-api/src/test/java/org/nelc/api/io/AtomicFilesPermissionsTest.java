package org.nelc.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results are created as any file is, with the permissions of the user's umask (0644 under 022), not the
 * temporary file's 0600: the oracle is a file created plainly in the same directory.
 */
class AtomicFilesPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void anAtomicWriteGetsTheUmasksPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        AtomicFiles.writeString(dir.resolve("durable.json"), "{}");
        AtomicFiles.writeString(dir.resolve("fast.csv"), "a\n", false);
        AtomicFiles.writeString(dir.resolve("fast.csv"), "b\n", false);
        assertEquals(plain, Files.getPosixFilePermissions(dir.resolve("durable.json")));
        assertEquals(plain, Files.getPosixFilePermissions(dir.resolve("fast.csv")));
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file left");
        }
    }

    /** A failed write names the operating system's reason, not only the path twice ("cannot write X: X"). */
    @Test
    void aFailedWriteSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> AtomicFiles.writeString(file.resolve("history.csv"), "y"));
        assertEquals("cannot write " + file.resolve("history.csv") + ": a file is in the way (" + file + ")",
                e.getMessage());
    }
}
