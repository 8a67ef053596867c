package org.nelc.data.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.nelc.api.UserError;

/** Opening data files: existence checks with user-facing messages, gzip sniffing, cheap peeks. */
public final class InputFiles {
    private static final int BUFFER = 1 << 16;

    private InputFiles() {}

    /**
     * Checks that {@code path} is a readable regular file.
     *
     * @throws UserError naming the file otherwise
     */
    public static void requireRegularFile(Path path) {
        if (!Files.exists(path)) {
            throw new UserError(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new UserError(path + ": is a directory, expected a file");
        }
        if (!Files.isReadable(path)) {
            throw new UserError(path + ": not readable");
        }
    }

    /**
     * Up to {@code n} first bytes of {@code path}; fewer if the file is shorter, none if it cannot be
     * read (this is for sniffing, never for loading).
     */
    public static byte[] head(Path path, int n) {
        if (!Files.isRegularFile(path)) {
            return new byte[0];
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        } catch (IOException | SecurityException e) {
            return new byte[0];
        }
    }

    /** Whether these bytes begin with the gzip magic {@code 1f 8b}. */
    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** The first bytes in hex, for messages: {@code "1f 8b 08 00"}. */
    public static String hex(byte[] bytes, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, bytes.length); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    /**
     * Opens {@code path} for buffered reading, transparently gunzipping it if it starts with the gzip
     * magic (whatever its name).
     *
     * @throws UserError if it is not a readable file
     */
    public static InputStream openMaybeGzip(Path path) throws IOException {
        requireRegularFile(path);
        byte[] head = head(path, 2);
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new UserError(path + ": no such file", e);
        }
        if (isGzip(head)) {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        return new BufferedInputStream(in, BUFFER);
    }

    /**
     * {@link #openMaybeGzip} for a text file: a UTF-8 byte-order mark at its start (what some Windows
     * editors write) is skipped, so that it never becomes part of the first value (a label {@code 'ï»¿0'}).
     */
    public static InputStream openText(Path path) throws IOException {
        InputStream in = openMaybeGzip(path);
        in.mark(UTF8_BOM.length);
        byte[] first = in.readNBytes(UTF8_BOM.length);
        if (!Arrays.equals(first, UTF8_BOM)) {
            in.reset();
        }
        return in;
    }

    /** The UTF-8 encoding of U+FEFF, the byte-order mark. */
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    /** {@code head} without a leading UTF-8 byte-order mark (for sniffing text formats). */
    public static byte[] withoutBom(byte[] head) {
        if (head.length >= UTF8_BOM.length && Arrays.equals(head, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
            return Arrays.copyOfRange(head, UTF8_BOM.length, head.length);
        }
        return head;
    }

    /** {@code " (message)"} of an exception, or nothing if it has no message: for appending to errors. */
    public static String detail(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m + ")";
    }

    /** Whether {@code name} ends with one of the suffixes, ignoring case. */
    public static boolean endsWithAny(String name, String... suffixes) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(suffixes).anyMatch(lower::endsWith);
    }

    /** The file name of {@code path} as a string (the whole path if it has no name). */
    public static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
