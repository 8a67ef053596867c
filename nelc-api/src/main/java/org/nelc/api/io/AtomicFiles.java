package org.nelc.api.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader sees either the old content or the whole new one, never a part, and a
 * writer that dies leaves the old file: the content goes to a temporary file in the target's directory,
 * is forced to disk, and is renamed over the target; then the directory entry is forced too (best
 * effort). On failure the temporary file is removed and the target is untouched. The one implementation
 * for every module (and for plugins that write files).
 *
 * <p>Permissions: the temporary file is created as {@link Files#newOutputStream} creates any file, so
 * the operating system applies the process's umask (typically {@code rw-r--r--}). ({@link
 * Files#createTempFile} would create it {@code rw-------}, and the rename would carry that mode to the
 * result: a model or report other users of a shared cluster directory could not read.)
 *
 * <p>Errors surface as {@link UncheckedIOException} whose message names the file.
 */
public final class AtomicFiles {
    /** A consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes what {@code body} produces to {@code target} atomically and durably. */
    public static void write(Path target, IoConsumer<OutputStream> body) {
        write(target, body, true);
    }

    /**
     * As {@link #write(Path, IoConsumer)}; with {@code durable = false} nothing is forced to disk. The
     * replacement is still atomic for every reader and survives the writer's death (the page cache holds
     * it); only an operating-system crash right after may lose it. For files rewritten often and
     * recreated by the next run anyway (a training history, once per epoch), where 120 fsyncs cost more
     * than the training steps between them.
     */
    public static void write(Path target, IoConsumer<OutputStream> body, boolean durable) {
        Path dir = parentOf(target);
        try {
            Files.createDirectories(dir);
            Path tmp = newTemporary(dir, target.getFileName().toString());
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                    body.accept(out);
                    out.flush();
                    if (durable) {
                        ch.force(true);
                    }
                }
                rename(tmp, target);
                if (durable) {
                    fsyncDirectory(dir);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    public static void writeString(Path target, String text) {
        writeString(target, text, true);
    }

    public static void writeString(Path target, String text, boolean durable) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), durable);
    }

    /**
     * Moves a complete file {@code source} to {@code target} atomically, replacing any existing target:
     * {@code source} is forced to disk first, and both must be on the same file system (keep {@code
     * source} in, or below, the target's directory).
     */
    public static void move(Path source, Path target) {
        try {
            try (FileChannel ch = FileChannel.open(source, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            rename(source, target);
            fsyncDirectory(parentOf(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + source + " to " + target + ": " + reason(e), e);
        }
    }

    /**
     * Why an I/O operation failed, in the operating system's words (permission denied, a file is in the
     * way, …), with the file it concerns.
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

    /** A new, empty file {@code .NAME.<random>.tmp} in {@code dir}, created with the umask's permissions. */
    private static Path newTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Best effort: forces a directory entry to disk (not possible on every platform). */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open or sync directories; the rename itself is still atomic
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
