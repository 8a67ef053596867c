package org.nelc.data.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedFileKeepsItsStamp() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "0101\n");
        assertEquals(FileStamp.of(f), FileStamp.of(f));
        assertEquals(FileStamp.of(f), FileStamp.of(dir.resolve(".").resolve("a.txt")), "the real path is stamped");
    }

    /** A rewrite with the same size whose modification time is set back (as cp -p does) still differs: ctime. */
    @Test
    void aRewriteIsSeenEvenWithTheOldModificationTime() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "0101\n");
        FileStamp before = FileStamp.of(f).orElseThrow();
        FileTime mtime = Files.getLastModifiedTime(f);
        Files.writeString(f, "1010\n");
        Files.setLastModifiedTime(f, mtime);
        FileStamp after = FileStamp.of(f).orElseThrow();
        assertEquals(before.size(), after.size());
        assertEquals(before.modifiedNanos(), after.modifiedNanos());
        // only where the file system has a change time (the "unix" view)
        if (before.changedNanos() >= 0) {
            assertNotEquals(before, after);
        }
    }

    @Test
    void directoriesAndMissingFilesHaveNoStamp() {
        assertTrue(FileStamp.of(dir).isEmpty());
        assertTrue(FileStamp.of(dir.resolve("missing")).isEmpty());
    }
}
