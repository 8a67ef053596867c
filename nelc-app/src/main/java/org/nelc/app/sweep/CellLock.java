package org.nelc.app.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The lock on one cell: the file {@code cells/<id>/claim}, which exists while a process works on the
 * cell. It is created atomically and only if absent — its content is written to a temporary file which
 * is then hard-linked to {@code claim} ({@code link(2)} fails if the name exists, also on NFS), or, on a
 * file system without hard links, {@code Files.createFile} ({@code O_CREAT|O_EXCL}). Of any number of
 * processes, on any number of hosts, exactly one gets the claim. Its content (one {@code key=value} a
 * line): {@code host}, {@code pid}, {@code pidStart} (the process's start time, to tell a reused pid),
 * {@code nonce}, {@code created}, and {@code slurmJob} when inside a Slurm job.
 *
 * <p><b>Stale claims.</b> A claim outlives its process only if the process was killed hard (SIGKILL,
 * power loss, node failure); a normal exit, an error and SIGTERM (Slurm's preemption and time limit)
 * release it. Whoever finds a claim decides whether it is stale:
 * <ul>
 *   <li>same host: stale iff no process with that pid and start time is alive — reclaimed at once;
 *   <li>another host (its pids mean nothing here): stale iff the file's modification time is older than
 *       {@link #STALE_AFTER} — the holder refreshes it every {@link #HEARTBEAT} ({@link #touch});
 *   <li>a claim whose content cannot be read yet (only on the {@code createFile} path, between create and
 *       write) counts as live until it is {@link #STALE_AFTER} old.
 * </ul>
 * A stale claim is taken over by renaming it to a unique name (only one renamer can win), checking that
 * the renamed file is the stale one just judged, and claiming afresh. Should two processes still end up
 * on the same cell (a claim stolen in the window between judging and renaming), nothing is corrupted:
 * each file of a cell is written atomically and a cell's files are a deterministic function of its
 * configuration, so both write the same bytes.
 */
public final class CellLock {
    public static final Duration HEARTBEAT = Duration.ofSeconds(60);
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final Path file;
    private final Info info;

    private CellLock(Path file, Info info) {
        this.file = file;
        this.info = info;
    }

    /** What a claim file says. */
    public record Info(String host, long pid, String pidStart, String nonce, String created, String slurmJob) {
        static Info mine() {
            ProcessHandle self = ProcessHandle.current();
            return new Info(Hosts.local(), self.pid(), startOf(self), UUID.randomUUID().toString(),
                    Instant.now().toString(), Hosts.slurmTask());
        }

        String text() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("host", host);
            m.put("pid", Long.toString(pid));
            m.put("pidStart", pidStart);
            m.put("nonce", nonce);
            m.put("created", created);
            m.put("slurmJob", slurmJob);
            StringBuilder sb = new StringBuilder();
            m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            return sb.toString();
        }

        static Optional<Info> parse(String text) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
            if (!m.containsKey("host") || !m.containsKey("pid") || !m.containsKey("nonce")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Info(m.get("host"), Long.parseLong(m.get("pid")), m.getOrDefault("pidStart", ""),
                        m.get("nonce"), m.getOrDefault("created", ""), m.getOrDefault("slurmJob", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** {@code host:pid (slurm job J) since T}. */
        public String describe() {
            return host + ":" + pid + (slurmJob.isEmpty() ? "" : " (slurm job " + slurmJob + ")") + " since " + created;
        }
    }

    /** A claim found on disk, and whether its holder is alive. */
    public record Found(Info info, boolean live, String why) {
    }

    /** Tries to claim {@code file}; empty when a live process holds it. */
    public static Optional<CellLock> acquire(Path file) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Info mine = Info.mine();
            if (create(file, mine)) {
                return Optional.of(new CellLock(file, mine));
            }
            Optional<Found> found = inspect(file);
            if (found.isEmpty()) {
                continue; // released meanwhile: try again
            }
            if (found.get().live()) {
                return Optional.empty();
            }
            reap(file, found.get());
        }
        return Optional.empty();
    }

    /** The claim at {@code file}, if any, judged live or stale. */
    public static Optional<Found> inspect(Path file) {
        String text;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        boolean fresh = Duration.between(modified.toInstant(), Instant.now()).compareTo(STALE_AFTER) < 0;
        Optional<Info> info = Info.parse(text);
        if (info.isEmpty()) {
            Info unknown = new Info("?", -1, "", "", modified.toInstant().toString(), "");
            return Optional.of(new Found(unknown, fresh, fresh ? "being written" : "unreadable and old"));
        }
        Info i = info.get();
        if (i.host().equals(Hosts.local())) {
            Optional<ProcessHandle> p = ProcessHandle.of(i.pid());
            boolean alive = p.isPresent() && p.get().isAlive()
                    && (i.pidStart().isEmpty() || startOf(p.get()).isEmpty() || startOf(p.get()).equals(i.pidStart()));
            return Optional.of(new Found(i, alive, alive ? "process alive" : "process " + i.pid() + " is gone"));
        }
        return Optional.of(new Found(i, fresh, fresh ? "heartbeat within " + STALE_AFTER.toMinutes() + " min"
                : "no heartbeat for " + STALE_AFTER.toMinutes() + " min"));
    }

    /** Refreshes the heartbeat (the file's modification time). */
    public void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // the claim vanished or the file system hiccupped: the next touch tries again
        }
    }

    /** Deletes the claim if it is still this one. */
    public void release() {
        try {
            Optional<Info> now = Info.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (now.isPresent() && now.get().nonce().equals(info.nonce())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // gone already
        }
    }

    public Info info() {
        return info;
    }

    public Path file() {
        return file;
    }

    private static boolean create(Path file, Info mine) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + "." + mine.nonce() + ".tmp");
            Files.writeString(tmp, mine.text(), StandardCharsets.UTF_8);
            try {
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here: exclusive create, then write (readers treat an empty claim as live)
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e2) {
                    return false;
                }
                Files.writeString(file, mine.text(), StandardCharsets.UTF_8);
                return true;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim " + file + ": " + e.getMessage(), e);
        }
    }

    /** Moves a stale claim aside; if what was moved is not the claim judged stale, puts it back. */
    private static void reap(Path file, Found stale) {
        Path aside = file.resolveSibling("." + file.getFileName() + ".stale." + UUID.randomUUID());
        try {
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, aside);
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take over the stale claim " + file + ": " + e.getMessage(), e);
        }
        try {
            Optional<Info> moved = Info.parse(Files.readString(aside, StandardCharsets.UTF_8));
            boolean same = moved.isPresent() ? moved.get().nonce().equals(stale.info().nonce())
                    : stale.info().nonce().isEmpty();
            if (!same) {
                try {
                    Files.createLink(file, aside); // a live claim taken by mistake: restore it
                } catch (IOException | UnsupportedOperationException e) {
                    // someone claimed meanwhile; the cell's writes are atomic and deterministic
                }
            }
            Files.deleteIfExists(aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take over the stale claim " + file + ": " + e.getMessage(), e);
        }
    }

    /** This machine's host name, as claims record it. */
    public static String localHost() {
        return Hosts.local();
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("");
    }
}
