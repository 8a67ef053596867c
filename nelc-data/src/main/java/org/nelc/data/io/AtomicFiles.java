package org.nelc.data.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file replacement: the content goes to a temporary file in the target's directory, is
 * flushed to disk ({@code fsync}), and is then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. Readers see either the old file or the complete new one;
 * on failure the temporary file is removed and the target is untouched.
 */
public final class AtomicFiles {
    /** Writes the content of a file to a stream (which the caller closes). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Replaces {@code target} atomically with what {@code content} writes. Parent directories are
     * created if missing.
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        Path tmp = newTempFile(dir, "." + target.getFileName() + ".");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file {@code dir/prefix<random>.tmp} with the permissions the user's umask gives (0644
     * under 022), not {@code Files.createTempFile}'s 0600, which the rename would pass on to the result.
     * (nelc-core's AtomicFiles does the same; the modules share no code but the API.)
     */
    static Path newTempFile(Path dir, String prefix) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) {
                    throw e;
                }
            }
        }
    }

    /** Replaces {@code target} atomically with {@code text} in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Moves a complete file {@code source} to {@code target} atomically, replacing any existing
     * target: {@code source} is flushed to disk first, and both must be on the same file system
     * (keep {@code source} in, or below, the target's directory).
     */
    public static void move(Path source, Path target) throws IOException {
        fsync(source);
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(parentOf(target));
    }

    /** Flushes a regular file's content to disk. */
    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Best effort: flushes a directory entry to disk (not possible on every platform). */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open or sync directories; the rename itself is still atomic.
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("no parent directory: " + target);
        }
        return parent;
    }
}
