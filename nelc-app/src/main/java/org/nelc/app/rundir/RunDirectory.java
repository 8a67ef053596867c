package org.nelc.app.rundir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.io.AtomicFiles;
import org.nelc.core.Version;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An output directory while a command writes it: locked ({@link RunLock}), a switch a killed writer left
 * half done finished ({@link Staging#recover}), its {@link RunManifest} checked against this command's
 * settings ({@link #checkAgainst}) and written ({@link #writeManifest}). On INT/TERM the action given to
 * {@link #whenInterrupted} runs (it says what was kept and how to resume), then the lock is released.
 * Close it when the command ends.
 */
public final class RunDirectory implements AutoCloseable {
    /** Options that never change what a command computes (where and how it runs, what it prints). */
    private static final Set<String> NOT_SETTINGS = Set.of("--out", "--resume", "--force", "--quiet", "--threads",
            "--checkpoint-every", "--json", "--debug", "--plugins", "--data", "--image-shape", "--help", "--version");

    private final String flag;
    private final Path dir;
    private final RunManifest manifest;
    private final RunLock lock;
    private final PrintWriter err;
    private final Interrupted.Hook hook;
    private volatile Runnable onInterrupt;

    private RunDirectory(String flag, Path dir, RunManifest manifest, PrintWriter err) {
        this.flag = flag;
        this.dir = dir;
        this.manifest = manifest;
        this.err = err;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + AtomicFiles.reason(e), e);
        }
        this.lock = RunLock.acquire(flag, dir, err);
        try {
            Staging.recover(dir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        this.hook = Interrupted.on(() -> {
            Runnable r = onInterrupt;
            if (r != null) {
                r.run();
            }
            lock.close();
        });
    }

    /**
     * Opens {@code dir} (named by {@code flag}) for {@code command}: the settings are {@code spec}'s options
     * (defaults included) but those that do not change the results, plus {@code data}'s fingerprint.
     */
    public static RunDirectory open(String flag, Path dir, CommandSpec spec, Dataset data, PrintWriter err,
            String... alsoNotSettings) {
        Map<String, String> settings = new LinkedHashMap<>();
        Set<String> skip = Set.of(alsoNotSettings);
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (o.usageHelp() || o.versionHelp() || NOT_SETTINGS.contains(name) || skip.contains(name)) {
                continue;
            }
            Object v = o.getValue();
            settings.put(name, v == null ? "(default)" : v instanceof Object[] a ? java.util.Arrays.toString(a)
                    : v.toString());
        }
        String line = "nelc " + String.join(" ", spec.commandLine().getParseResult() == null ? java.util.List.of()
                : spec.commandLine().getParseResult().originalArgs());
        RunManifest m = new RunManifest(RunManifest.SCHEMA, RunManifest.SCHEMA_VERSION, Version.VERSION, spec.name(),
                line, settings, data == null ? null : data.source(), data == null ? null : data.fingerprint(),
                host(), Instant.now().toString());
        return new RunDirectory(flag, dir, m, err);
    }

    /** Only locks {@code dir} (a command whose output file records its own settings, as evaluate's). */
    public static RunDirectory lock(String flag, Path dir, PrintWriter err) {
        return new RunDirectory(flag, dir, null, err);
    }

    /** This command's manifest. */
    public RunManifest manifest() {
        return manifest;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Refuses to go on when the manifest in {@code where} (the directory, or its staging directory) was made
     * with other settings: a one-line {@link UserError} naming the first difference; with {@code force}, a
     * one-line note instead. No manifest (a new directory, or one of an older nelc): nothing to check.
     */
    public void checkAgainst(Path where, boolean force) {
        Optional<RunManifest> there = RunManifest.read(where);
        if (there.isEmpty()) {
            return;
        }
        Optional<String> diff = there.get().difference(manifest);
        if (diff.isEmpty()) {
            return;
        }
        String what = flag + " " + dir + ": made with other settings (" + diff.get() + "; see "
                + where.resolve(RunManifest.FILE) + ")";
        if (!force) {
            throw new UserError(what + "; resume it with the same settings, write elsewhere, or replace it with "
                    + "--force");
        }
        err.println("nelc: note: " + what + "; replacing it (--force)");
        err.flush();
    }

    /** Writes this command's manifest into {@code into} (the directory, or its staging directory). */
    public void writeManifest(Path into) {
        manifest.writeInto(into);
    }

    /** What INT/TERM does before the lock is released (null: nothing but the release). */
    public void whenInterrupted(Runnable action) {
        this.onInterrupt = action;
    }

    @Override
    public void close() {
        if (hook.release()) {
            lock.close();
        } // else the JVM is shutting down: the hook releases the lock

    }

    private static String host() {
        return Objects.requireNonNullElse(org.nelc.app.sweep.CellLock.localHost(), "?");
    }
}
