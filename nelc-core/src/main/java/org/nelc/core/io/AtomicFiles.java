package org.nelc.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader sees either the old content or the whole new one, never a part: write a
 * temporary file in the same directory, force it to disk, then rename it over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes what {@code body} produces to {@code target} atomically. */
    public static void write(Path target, IoConsumer<OutputStream> body) {
        write(target, body, true);
    }

    /**
     * As {@link #write(Path, IoConsumer)}; with {@code durable = false} the data is not forced to disk
     * before the rename. The replacement is still atomic for every reader and survives the writer's
     * death (the page cache holds it); only an operating-system crash right after may lose it. For
     * files rewritten often and recreated by the next run anyway (a training history, once per epoch),
     * where 120 fsyncs cost more than the training steps between them.
     */
    public static void write(Path target, IoConsumer<OutputStream> body, boolean durable) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = newTempFile(dir, "." + target.getFileName() + ".");
            try {
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                    body.accept(out);
                }
                if (durable) {
                    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /**
     * A new empty file {@code dir/prefix<random>.tmp}, created as any file is: with the permissions the
     * user's umask gives (0644 under 022). {@code Files.createTempFile} makes 0600, and the rename would
     * pass that on to every result, unreadable by colleagues on a cluster. (nelc-data's AtomicFiles does
     * the same; the modules share no code but the API.)
     */
    public static Path newTempFile(Path dir, String prefix) throws IOException {
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

    /**
     * What went wrong, in the operating system's words: a {@code FileSystemException}'s message is often
     * only the path ("cannot write X: X"); its kind and reason are what the user needs.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            String why = f.getReason() != null ? f.getReason()
                    : f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NoSuchFileException ? "no such file or directory"
                    : f instanceof FileAlreadyExistsException ? "a file is in the way"
                    : f instanceof NotDirectoryException ? "not a directory"
                    : f instanceof DirectoryNotEmptyException ? "directory not empty"
                    : f.getClass().getSimpleName();
            return why + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public static void writeString(Path target, String text) {
        writeString(target, text, true);
    }

    public static void writeString(Path target, String text, boolean durable) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), durable);
    }

    /** A consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }
}
