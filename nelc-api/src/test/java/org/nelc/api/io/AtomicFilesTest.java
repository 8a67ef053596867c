package org.nelc.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWrittenFileGetsTheUmasksPermissionsNotTheTemporaryFiles() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        AtomicFiles.writeString(dir.resolve("written"), "x");
        assertEquals(plain, Files.getPosixFilePermissions(dir.resolve("written")));
    }

    @Test
    void writesAndReplacesLeavingNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub").resolve("f.txt");
        AtomicFiles.writeString(target, "one");
        assertEquals("one", Files.readString(target));
        AtomicFiles.writeString(target, "two");
        assertEquals("two", Files.readString(target));
        assertEquals(List.of("f.txt"), names(target.getParent()));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("f.txt");
        AtomicFiles.writeString(target, "old");
        assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("f.txt"), names(dir));
    }

    @Test
    void movesAFileIntoPlace() throws IOException {
        Path source = Files.writeString(dir.resolve(".staging"), "content");
        Path target = Files.writeString(dir.resolve("target"), "previous");
        AtomicFiles.move(source, target);
        assertEquals("content", Files.readString(target));
        assertEquals(List.of("target"), names(dir));
    }

    /**
     * The result has the permissions of any file this process creates (the umask applied; typically
     * rw-r--r--), not the owner-only rw------- of Files.createTempFile.
     */
    @Test
    void permissionsHonorTheUmask() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path target = dir.resolve("atomic");
        AtomicFiles.writeString(target, "x");
        assertEquals(plain, Files.getPosixFilePermissions(target));
        AtomicFiles.writeString(target, "y", false);
        assertEquals(plain, Files.getPosixFilePermissions(target));
    }
}
