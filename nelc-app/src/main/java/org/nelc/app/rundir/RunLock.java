package org.nelc.app.rundir;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.nelc.api.UserError;
import org.nelc.app.sweep.CellLock;

/**
 * The lock on a whole output directory: {@code DIR/.nelc.lock}, a {@link CellLock} claim (created
 * atomically, naming host, pid and start time; a claim of a dead process on this host, or without a
 * heartbeat for {@link CellLock#STALE_AFTER} from another host, is stale and taken over). The holder
 * refreshes the heartbeat every {@link CellLock#HEARTBEAT} while it works.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".nelc.lock";
    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nelc-run-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final CellLock claim;
    private final ScheduledFuture<?> beat;

    private RunLock(CellLock claim) {
        this.claim = claim;
        this.beat = HEARTBEAT.scheduleAtFixedRate(claim::touch, CellLock.HEARTBEAT.toSeconds(),
                CellLock.HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Locks {@code dir} (named by {@code flag}); a live holder: a one-line {@link UserError} naming it; a stale
     * one: taken over with a one-line note on {@code err}.
     */
    public static RunLock acquire(String flag, Path dir, PrintWriter err) {
        Path file = dir.resolve(FILE);
        Optional<CellLock.Found> before = CellLock.inspect(file);
        Optional<CellLock> claim = CellLock.acquire(file);
        if (claim.isEmpty()) {
            String holder = CellLock.inspect(file).map(f -> holder(f.info())).orElse("another nelc");
            throw new UserError(flag + " " + dir + ": in use by " + holder + " (" + file + "); wait for it to "
                    + "finish, or write elsewhere");
        }
        if (before.isPresent() && !before.get().live()) {
            err.println("nelc: note: " + dir + ": took over the lock left by " + holder(before.get().info()) + " ("
                    + before.get().why() + ")");
            err.flush();
        }
        return new RunLock(claim.get());
    }

    /** {@code pid P on host H, started T}. */
    static String holder(CellLock.Info i) {
        return "pid " + i.pid() + " on host " + i.host() + ", started " + i.created()
                + (i.slurmJob().isEmpty() ? "" : ", slurm job " + i.slurmJob());
    }

    @Override
    public void close() {
        beat.cancel(false);
        claim.release();
    }
}
