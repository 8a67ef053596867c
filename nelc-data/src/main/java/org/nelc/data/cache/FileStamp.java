package org.nelc.data.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What identifies one version of a file without reading it: its real path, size, modification time and,
 * where the platform says, its inode and change time ({@code ctime}, which every write updates and which
 * no tool can set back, unlike the modification time that {@code cp -p} or {@code touch -d} restore).
 * Two stamps are equal only if the file was not written in between (as far as the file system records).
 *
 * <p>File times are coarse (Linux takes them from a clock that advances every few milliseconds), so two
 * writes of the same size within one tick leave the same stamp. Like git's "racily clean" rule, a stamp
 * is trusted only once the file has {@linkplain #settled settled}: its last write (ctime, else mtime) is
 * older than {@link #SETTLE}. Any later write then has a visibly later time.
 */
public record FileStamp(String path, long size, long modifiedNanos, long changedNanos, String fileKey) {

    /** How old a file's last write must be before its stamp identifies its content. */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    /** Whether the file's last write was at least {@code margin} before {@code nowMillis}. */
    public boolean settled(Duration margin, long nowMillis) {
        long last = Math.max(modifiedNanos, changedNanos);
        return last <= (nowMillis - margin.toMillis()) * 1_000_000L;
    }

    /** The stamp of a regular file, or empty when it is not one or cannot be read. */
    public static Optional<FileStamp> of(Path file) {
        try {
            Path real = file.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return Optional.empty();
            }
            long changed = -1;
            try {
                Map<String, Object> unix = Files.readAttributes(real, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
                if (unix.get("ctime") instanceof FileTime ct) {
                    changed = nanos(ct);
                }
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // no "unix" attribute view (Windows): size and modification time only
            }
            return Optional.of(new FileStamp(real.toString(), a.size(), nanos(a.lastModifiedTime()), changed,
                    String.valueOf(a.fileKey())));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static long nanos(FileTime t) {
        return t.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** One line, for keys and stamp files. */
    public String line() {
        return path + "\t" + size + "\t" + modifiedNanos + "\t" + changedNanos + "\t" + fileKey;
    }
}
