package org.nelc.app.sweep;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.nelc.api.UserError;
import org.nelc.api.io.AtomicFiles;

/**
 * The Slurm job array of a sweep: {@code SWEEP/slurm/sweep.sbatch}, whose task {@code I} runs
 * {@code nelc sweep run SWEEP --index I} (cell {@code I} of the manifest), through absolute paths to
 * the Java launcher and to the very jar (or class path) of the nelc that wrote it. The sweep directory
 * and that jar must therefore be on a file system the compute nodes share. Submitted job ids are
 * appended to {@code SWEEP/slurm/jobs}, which {@code nelc sweep status} asks {@code squeue} about.
 */
public final class SlurmScript {
    /**
     * Every form sbatch's {@code --time} accepts: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S (fields of any number
     * of digits, as Slurm reads them: {@code 1:2:3} is 1 h 2 min 3 s), and UNLIMITED / INFINITE.
     */
    static final Pattern TIME = Pattern.compile("\\d+(:\\d+){0,2}|\\d+-\\d+(:\\d+){0,2}|(?i:UNLIMITED|INFINITE)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@+-]+");

    /** The script's settings; null for Slurm's own default. */
    public record Settings(String partition, String time, int cpusPerTask, Integer maxParallel, String memory,
            String account, List<String> extra) {
        public Settings {
            extra = List.copyOf(extra);
            if (partition != null && !NAME.matcher(partition).matches()) {
                throw new UserError("--partition: not a partition name: '" + partition + "'");
            }
            if (account != null && !NAME.matcher(account).matches()) {
                throw new UserError("--account: not an account name: '" + account + "'");
            }
            if (time != null && !TIME.matcher(time).matches()) {
                throw new UserError("--time: expected a Slurm time limit (M, M:S, H:M:S, D-H, D-H:M, D-H:M:S or "
                        + "UNLIMITED), got '" + time + "'");
            }
            if (cpusPerTask < 1) {
                throw new UserError("--cpus-per-task: must be at least 1, got " + cpusPerTask);
            }
            if (maxParallel != null && maxParallel < 1) {
                throw new UserError("--max-parallel: must be at least 1, got " + maxParallel);
            }
            if (memory != null && !memory.matches("\\d+[KMGT]?")) {
                throw new UserError("--mem: expected a size such as 4G, got '" + memory + "'");
            }
            for (String e : extra) {
                if (e.contains("\n")) {
                    throw new UserError("--sbatch-option: one option per flag, no newlines");
                }
            }
        }
    }

    private SlurmScript() {
    }

    public static Path file(SweepDir sweep) {
        return sweep.slurmDir().resolve("sweep.sbatch");
    }

    /** The command that runs this very nelc: the Java launcher and the jar or class path, all absolute. */
    public static List<String> launcher(List<Path> pluginDirs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().toString());
        String cp = System.getProperty("java.class.path");
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        if (entries.size() == 1 && entries.get(0).endsWith(".jar") && isMainJar(entries.get(0))) {
            cmd.add("-jar");
            cmd.add(entries.get(0));
        } else {
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, entries));
            cmd.add("org.nelc.app.cli.Main");
        }
        for (Path p : pluginDirs) {
            cmd.add("--plugins");
            cmd.add(p.toAbsolutePath().normalize().toString());
        }
        return cmd;
    }

    private static boolean isMainJar(String jar) {
        try (var j = new java.util.jar.JarFile(jar)) {
            var m = j.getManifest();
            return m != null && "org.nelc.app.cli.Main".equals(m.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the script and returns its path. */
    public static Path write(SweepDir sweep, Manifest manifest, Settings s, List<String> launcher, String jvmOptions) {
        int n = manifest.cells().size();
        if (n == 0) {
            throw new UserError(sweep.root() + ": the sweep has no cells");
        }
        Path logs = sweep.slurmDir().resolve("logs");
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/bash\n");
        sb.append("# Written by nelc sweep slurm: task I runs cell I of ").append(sweep.manifestFile()).append(".\n");
        sb.append("# Assumes a shared file system: the sweep directory and the nelc jar below are read and written\n");
        sb.append("# by the compute nodes at these same paths. Re-submitting is safe: finished cells are skipped.\n");
        sb.append("#SBATCH --job-name=").append(jobName(sweep)).append('\n');
        sb.append("#SBATCH --array=0-").append(n - 1).append(s.maxParallel() == null ? "" : "%" + s.maxParallel())
                .append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(s.cpusPerTask()).append('\n');
        if (s.partition() != null) {
            sb.append("#SBATCH --partition=").append(s.partition()).append('\n');
        }
        if (s.time() != null) {
            sb.append("#SBATCH --time=").append(s.time()).append('\n');
        }
        if (s.memory() != null) {
            sb.append("#SBATCH --mem=").append(s.memory()).append('\n');
        }
        if (s.account() != null) {
            sb.append("#SBATCH --account=").append(s.account()).append('\n');
        }
        sb.append("#SBATCH --output=").append(logs).append("/%A_%a.out\n");
        sb.append("#SBATCH --signal=TERM@60\n");
        sb.append("#SBATCH --requeue\n");
        for (String e : s.extra()) {
            sb.append("#SBATCH ").append(e.startsWith("-") ? e : "--" + e).append('\n');
        }
        sb.append("set -euo pipefail\n");
        sb.append("cd ").append(quote(sweep.root().toString())).append('\n');
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.get(0));
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            for (String o : jvmOptions.trim().split("\\s+")) {
                cmd.add(o);
            }
        }
        cmd.addAll(launcher.subList(1, launcher.size()));
        StringBuilder line = new StringBuilder("exec");
        for (String c : cmd) {
            line.append(' ').append(quote(c));
        }
        line.append(" sweep run ").append(quote(sweep.root().toString()))
                .append(" --index \"$SLURM_ARRAY_TASK_ID\" --threads 1\n");
        sb.append(line);
        Path file = file(sweep);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(file, sb.toString());
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX: sbatch reads the file anyway
        }
        return file;
    }

    /** Runs {@code sbatch --parsable SCRIPT}, records and returns the job id. */
    public static String submit(SweepDir sweep, Path script) {
        List<String> cmd = List.of("sbatch", "--parsable", script.toString());
        String outText;
        int code;
        try {
            Process p = new ProcessBuilder(cmd).directory(sweep.root().toFile()).redirectErrorStream(true).start();
            outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new UserError("sbatch did not answer within 5 minutes");
            }
            code = p.exitValue();
        } catch (IOException e) {
            throw new UserError("cannot run sbatch (is Slurm installed and on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while waiting for sbatch");
        }
        if (code != 0) {
            throw new UserError("sbatch failed (exit " + code + "): " + outText);
        }
        String last = outText.lines().reduce((a, b) -> b).orElse("").trim();
        String id = last.split(";")[0].trim();
        if (!id.matches("\\d+")) {
            throw new UserError("sbatch printed no job id: " + outText);
        }
        try {
            Files.writeString(sweep.slurmDir().resolve("jobs"), id + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the job id in " + sweep.slurmDir() + "/jobs", e);
        }
        return id;
    }

    /** The job ids submitted for this sweep, oldest first. */
    public static List<String> jobs(SweepDir sweep) {
        Path f = sweep.slurmDir().resolve("jobs");
        if (!Files.exists(f)) {
            return List.of();
        }
        try {
            return Files.readAllLines(f).stream().map(String::trim).filter(l -> l.matches("\\d+")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    static String jobName(SweepDir sweep) {
        String n = sweep.root().getFileName() == null ? "sweep" : sweep.root().getFileName().toString();
        return "nelc-" + n.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Single-quotes for bash. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
