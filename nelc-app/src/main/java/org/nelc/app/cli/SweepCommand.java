package org.nelc.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.app.baseline.CostModel;
import org.nelc.app.options.TrainingOptions;
import org.nelc.app.sweep.CellRunner;
import org.nelc.app.sweep.Collector;
import org.nelc.app.sweep.GridAxis;
import org.nelc.app.sweep.Manifest;
import org.nelc.app.sweep.Planner;
import org.nelc.app.sweep.SettingStats;
import org.nelc.app.sweep.SlurmScript;
import org.nelc.app.sweep.Squeue;
import org.nelc.app.sweep.SweepDir;
import org.nelc.app.sweep.SweepRunner;
import org.nelc.app.sweep.SweepStatus;
import org.nelc.app.sweep.TrainingFlags;
import org.nelc.app.rundir.Interrupted;
import org.nelc.app.rundir.RunDirectory;
import org.nelc.core.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nelc sweep}: grids of runs, on this machine or as a Slurm job array. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Grids of runs: plan a sweep (every combination of the --grid values, for every seed), run its "
            + "cells here or as a Slurm job array, watch it, and collect the results.",
            "Each cell trains one model (as `nelc train` with the cell's flags would) and evaluates it precisely; "
                + "it writes SWEEP/cells/<id>/ atomically, so re-running after a crash, kill or preemption finishes "
                + "the sweep, and two processes on one sweep never corrupt a cell (claim files). See "
                + "docs/sweeps.md."},
        subcommands = {SweepCommand.Plan.class, SweepCommand.Run.class, SweepCommand.Slurm.class,
            SweepCommand.Status.class, SweepCommand.Collect.class})
public final class SweepCommand implements Runnable {
    /** Exit code when at least one cell failed in this invocation. */
    public static final int CELL_FAILED = 3;

    @ParentCommand
    NelcCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    PrintWriter out() {
        return root.spec.commandLine().getOut();
    }

    /** The context, with the plugin directories the manifest was planned with. */
    org.nelc.app.wiring.AppContext context(Manifest m) {
        for (String p : m.plugins()) {
            Path dir = Path.of(p);
            if (!root.pluginDirs.contains(dir)) {
                root.pluginDirs.add(dir);
            }
        }
        return root.context();
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write SWEEP/manifest.json: one cell per grid point and seed, with its full training "
                + "configuration and a stable id (a hash of that configuration and the evaluation settings; see "
                + "docs/sweeps.md). The same command writes the same bytes.",
                "Any training flag of `nelc train` can be an axis: --grid lr=0.03,0.1,0.3 --grid "
                    + "latent=one-hot:4,one-hot:6. Values are separated by ',' — by ';' for --classes and "
                    + "--optimizer-setting (--grid classes=0,1;0,1,2). The other training flags fix the rest.",
                "Every cell is validated now (flag values, plugin names, the data and its classes)."})
    static final class Plan implements Callable<Integer> {
        @ParentCommand
        SweepCommand sweep;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "SWEEP", description = "The sweep's directory.")
        Path out;

        @Option(names = "--seeds", paramLabel = "SEEDS", description = "Seeds of every grid point: 1..36, 1,2,5 or "
                + "1..4,10 (default: the --seed value, 1).")
        String seeds;

        @Option(names = "--grid", paramLabel = "FLAG=V1,V2", description = "An axis: a training flag without its "
                + "dashes and its values (repeatable; the first axis varies slowest).")
        List<String> grid = new ArrayList<>();

        @Option(names = "--chain-length", paramLabel = "T", description = "Evaluation: double steps of the long "
                + "chain (default: ${DEFAULT-VALUE}).")
        int chainLength = EvaluationOptions.DEFAULT_CHAIN_LENGTH;

        @Option(names = "--burn-in", paramLabel = "N", description = "Evaluation: double steps discarded first "
                + "(default: ${DEFAULT-VALUE}).")
        int burnIn = EvaluationOptions.DEFAULT_BURN_IN;

        @Option(names = "--rb-samples", paramLabel = "N", description = "Evaluation: draws per row of the "
                + "Rao-Blackwellized M (default: ${DEFAULT-VALUE}).")
        int rbSamples = RaoBlackwellEstimator.DEFAULT_SAMPLES;

        @Option(names = "--precision", paramLabel = "REL", description = "Evaluation: relative standard error wanted "
                + "for sigma; the draws per row grow until it is reached or the cap is (default: ${DEFAULT-VALUE}).")
        String precision = Double.toString(RaoBlackwellEstimator.DEFAULT_PRECISION);

        @Mixin
        TrainingOptions training;

        @Override
        public Integer call() {
            OutputFiles.named("--out", out);
            PrintWriter o = sweep.out();
            double rel = EvaluationOptions.parsePrecision(precision);
            new EvaluationOptions(1, chainLength, burnIn, rbSamples).withPrecision(rel); // validates
            Set<String> given = new HashSet<>();
            Set<String> names = new HashSet<>(TrainingFlags.names());
            for (OptionSpec opt : spec.commandLine().getParseResult().matchedOptions()) {
                String n = opt.longestName().replaceFirst("^--", "");
                if (names.contains(n)) {
                    given.add(n);
                }
            }
            List<Long> seedList;
            if (seeds != null) {
                if (given.contains("seed")) {
                    throw new UserError("--seed and --seeds: give the seeds once, with --seeds");
                }
                seedList = org.nelc.app.experiment.SeedRange.parse(seeds);
            } else {
                seedList = List.of(training.seed());
            }
            List<GridAxis> axes = new ArrayList<>();
            for (String g : grid) {
                axes.add(GridAxis.parse(g));
            }
            List<String> plugins = new ArrayList<>();
            for (Path p : sweep.root.pluginDirs) {
                plugins.add(p.toAbsolutePath().normalize().toString());
            }
            var context = sweep.root.context();
            Map<String, Dataset> loaded = new HashMap<>();
            Planner.Check check = options -> {
                TrainingConfig c = options.config();
                var p = context.plugins();
                p.latentKernel(c.latent().encoding(), c.latent().units(), c.normalization());
                p.visibleKernel(c.visibleKernel(), c.visibleKernelSettings());
                p.gradient(c.gradient(), c.gradientSettings());
                p.optimizer(c.optimizer());
                String key = options.data() + "|" + options.selection();
                Dataset d = loaded.computeIfAbsent(key, k -> context.loadData(options.data(), options.selection()));
                if (c.largestBatch() > d.size()) {
                    throw new UserError("--batch: minibatch size " + c.largestBatch() + " is larger than the dataset ("
                            + d.size() + " rows)");
                }
            };
            // 100 000 seeds make 100 000 cells: a bar on a console while they are planned
            var bar = new org.nelc.app.progress.ProgressBar(System.err, org.nelc.app.progress.ProgressBar.interactive(false));
            Manifest m = Planner.plan(TrainingFlags.canonical(training), given, axes, seedList,
                    new Manifest.EvaluationSettings(chainLength, burnIn, rbSamples, rel), plugins, check,
                    (done, total) -> bar.update(done, total, "planned " + done + "/" + total + " cells"));
            bar.finish();
            SweepDir dir = new SweepDir(out);
            String verb = "wrote";
            // one planner at a time (a re-plan keeps the cells whose configuration is unchanged: ids are contents)
            try (RunDirectory lock = RunDirectory.lock("--out", dir.root(), sweep.root.spec.commandLine().getErr())) {
                if (java.nio.file.Files.exists(dir.manifestFile())) {
                    Manifest old = dir.readManifest();
                    if (old.toJson().equals(m.toJson())) {
                        verb = "unchanged:";
                    } else {
                        Set<String> oldIds = new HashSet<>();
                        old.cells().forEach(c -> oldIds.add(c.id()));
                        long kept = m.cells().stream().filter(c -> oldIds.contains(c.id())).count();
                        verb = "replaced (" + kept + " of its cells were in the old plan and keep their results)";
                    }
                }
                dir.writeManifest(m);
            }
            // the CPU the cells not yet finished will take, by nelc compare's cost model (docs/sweeps.md)
            double cpu = 0;
            int pending = 0;
            // the cost does not depend on the seed: one estimate per configuration (parsing every one of
            // 100 000 cells made planning take minutes, docs/reliability.md)
            Map<String, Double> costs = new HashMap<>();
            for (Manifest.Cell cell : m.cells()) {
                if (dir.cell(cell).isDone()) {
                    continue;
                }
                java.util.TreeMap<String, String> setting = new java.util.TreeMap<>(cell.training());
                setting.remove("seed");
                cpu += costs.computeIfAbsent(setting.toString(), k -> {
                    TrainingOptions opts = TrainingFlags.parse(cell.training());
                    TrainingConfig c = opts.config();
                    Dataset d = loaded.computeIfAbsent(opts.data() + "|" + opts.selection(),
                            key -> context.loadData(opts.data(), opts.selection()));
                    int states = context.plugins().latentKernel(c.latent().encoding(), c.latent().units(),
                            c.normalization()).states();
                    return CostModel.trainAndEvaluate(CostModel.kind(c), c, d, states,
                            m.evaluation().options(cell.seed()));
                });
                pending++;
            }
            int points = m.cells().size() / seedList.size();
            o.printf(Locale.ROOT, "%s %s: %d cells (%d setting%s x %d seed%s)%n", verb, dir.manifestFile(),
                    m.cells().size(), points, points == 1 ? "" : "s", seedList.size(), seedList.size() == 1 ? "" : "s");
            for (Manifest.Axis a : m.axes()) {
                o.println("  " + a.name() + ": " + String.join(", ", a.values()));
            }
            o.printf(Locale.ROOT, "estimated CPU: %s (%.0f s) for the %d of %d cells not finished (an idle core; "
                    + "nelc compare's cost model)%n", CostModel.duration(cpu), cpu, pending, m.cells().size());
            o.println("next: nelc sweep run " + dir.root() + " --all   (or: nelc sweep slurm " + dir.root()
                    + " --submit)");
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run cells of a planned sweep: train, evaluate precisely, write SWEEP/cells/<id>/ "
                + "(model.json, history.csv, evaluation.json, and the marker `done` last).",
                "Finished cells are skipped, so running again after an interruption completes the sweep. A cell "
                    + "is claimed (SWEEP/cells/<id>/claim, created atomically) while it runs: another process "
                    + "skips it; a claim left by a killed process on this host is taken over at once, one from "
                    + "another host after 10 minutes without heartbeat.",
                "Exit code 3 when a cell failed (its reason is in SWEEP/cells/<id>/failed)."})
    static final class Run implements Callable<Integer> {
        @ParentCommand
        SweepCommand sweep;

        @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep's directory.")
        Path dir;

        @Option(names = "--index", paramLabel = "I", description = "Run cell I only (0-based, as in the manifest "
                + "and the Slurm array).")
        Integer index;

        @Option(names = "--all", description = "Run every cell not yet finished.")
        boolean all;

        @Option(names = "--threads", paramLabel = "N", description = "Cells at a time (default: the number of "
                + "processors).")
        Integer threads;

        @Option(names = "--retry-failed", description = "Run failed cells again (they are skipped otherwise).")
        boolean retryFailed;

        @Override
        public Integer call() {
            if ((index == null) == !all) {
                throw new UserError("sweep run: give either --index I or --all");
            }
            SweepDir sd = new SweepDir(dir);
            Manifest m = sd.readManifest();
            List<Integer> indices = new ArrayList<>();
            if (index != null) {
                m.cell(index);
                indices.add(index);
            } else {
                for (int i = 0; i < m.cells().size(); i++) {
                    indices.add(i);
                }
            }
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            var context = sweep.context(m);
            long start = System.nanoTime();
            SweepRunner runner = new SweepRunner(sd, m, context.injector().getInstance(CellRunner.class),
                    sweep.out());
            SweepRunner.Report report;
            String again = "nelc sweep run " + sd.root() + (all ? " --all" : " --index " + index)
                    + (retryFailed ? " --retry-failed" : "");
            try (Interrupted.Hook hook = Interrupted.on(() -> Interrupted.say("kept the finished cells ("
                    + SweepStatus.counts(SweepStatus.read(sd, m)).get(SweepStatus.State.DONE) + " of "
                    + m.cells().size() + " done; a cell in progress starts over); continue with: " + again))) {
                report = runner.run(indices, n, retryFailed);
            }
            sweep.out().printf(Locale.ROOT, "%s in %.1f s%n", report.line(), (System.nanoTime() - start) * 1e-9);
            if (all) {
                var counts = SweepStatus.counts(SweepStatus.read(sd, m));
                sweep.out().printf(Locale.ROOT, "sweep: %d of %d cells done%n", counts.get(SweepStatus.State.DONE),
                        m.cells().size());
            }
            return report.failed() > 0 ? CELL_FAILED : 0;
        }
    }

    @Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write SWEEP/slurm/sweep.sbatch, a Slurm job array with one task per cell: task I runs "
                + "`nelc sweep run SWEEP --index I` (output in SWEEP/slurm/logs/). --submit also submits it with "
                + "sbatch and prints the job id.",
                "Assumes a shared file system: the compute nodes must see SWEEP and this nelc's jar (or class "
                    + "path), at the same absolute paths, which the script names. Re-submitting is safe: finished "
                    + "cells are skipped, and cells running elsewhere are left alone."})
    static final class Slurm implements Callable<Integer> {
        @ParentCommand
        SweepCommand sweep;

        @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep's directory.")
        Path dir;

        @Option(names = "--partition", paramLabel = "P", description = "Partition (default: the cluster's).")
        String partition;

        @Option(names = "--time", paramLabel = "TIME", description = "Time limit per task, any form sbatch takes: "
                + "M, M:S, H:M:S, D-H, D-H:M, D-H:M:S (default: the partition's).")
        String time;

        @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPUs per task (default: "
                + "${DEFAULT-VALUE}; a cell uses one).")
        int cpusPerTask = 1;

        @Option(names = "--max-parallel", paramLabel = "K", description = "At most K tasks at once (--array=...%%K).")
        Integer maxParallel;

        @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per task, e.g. 4G (default: the "
                + "partition's).")
        String memory;

        @Option(names = "--account", paramLabel = "A", description = "Account to charge.")
        String account;

        @Option(names = "--sbatch-option", paramLabel = "OPT", description = "Another #SBATCH line, e.g. "
                + "--sbatch-option=--qos=short (repeatable).")
        List<String> extra = new ArrayList<>();

        @Option(names = "--java-options", paramLabel = "OPTS", description = "JVM flags for the tasks, e.g. -Xmx2g.")
        String javaOptions;

        @Option(names = "--submit", description = "Submit the script with sbatch and print the job id.")
        boolean submit;

        @Override
        public Integer call() {
            SweepDir sd = new SweepDir(dir);
            Manifest m = sd.readManifest();
            List<Path> plugins = new ArrayList<>();
            for (Path p : sweep.root.pluginDirs) {
                if (!m.plugins().contains(p.toAbsolutePath().normalize().toString())) {
                    plugins.add(p);
                }
            }
            var settings = new SlurmScript.Settings(partition, time, cpusPerTask, maxParallel, memory, account, extra);
            Path script = SlurmScript.write(sd, m, settings, SlurmScript.launcher(plugins), javaOptions);
            PrintWriter o = sweep.out();
            o.println("wrote " + script + " (" + m.cells().size() + " array tasks"
                    + (maxParallel == null ? "" : ", at most " + maxParallel + " at once") + ")");
            if (submit) {
                String job = SlurmScript.submit(sd, script);
                o.println("submitted job " + job);
                o.println(job);
            } else {
                o.println("submit with: sbatch " + script);
            }
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Count the cells done / running / failed / interrupted / pending (from the files), list "
                + "the failures and the running cells, and, when the sweep was submitted to Slurm and squeue is "
                + "here, the array tasks by Slurm state."})
    static final class Status implements Callable<Integer> {
        @ParentCommand
        SweepCommand sweep;

        @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep's directory.")
        Path dir;

        @Override
        public Integer call() {
            SweepDir sd = new SweepDir(dir);
            Manifest m = sd.readManifest();
            List<SweepStatus.CellState> states = SweepStatus.read(sd, m);
            var counts = SweepStatus.counts(states);
            PrintWriter o = sweep.out();
            StringBuilder line = new StringBuilder(sd.root() + ": " + m.cells().size() + " cells:");
            counts.forEach((k, v) -> line.append(' ').append(v).append(' ').append(k.name().toLowerCase(Locale.ROOT))
                    .append(','));
            line.setLength(line.length() - 1);
            o.println(line);
            for (SweepStatus.State s : List.of(SweepStatus.State.FAILED, SweepStatus.State.RUNNING,
                    SweepStatus.State.INTERRUPTED)) {
                for (SweepStatus.CellState c : states) {
                    if (c.state() == s) {
                        o.printf("  %-11s %3d %s %s: %s%n", s.name().toLowerCase(Locale.ROOT), c.cell().index(),
                                c.cell().id(), c.cell().label(), c.detail());
                    }
                }
            }
            List<String> jobs = SlurmScript.jobs(sd);
            if (!jobs.isEmpty()) {
                Optional<Map<String, Integer>> q = Squeue.states(jobs);
                if (q.isEmpty()) {
                    o.println("slurm jobs " + String.join(",", jobs) + ": squeue not available here");
                } else if (q.get().isEmpty()) {
                    o.println("slurm jobs " + String.join(",", jobs) + ": none in the queue");
                } else {
                    StringBuilder sb = new StringBuilder("slurm jobs " + String.join(",", jobs) + ":");
                    q.get().forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k.toLowerCase(Locale.ROOT))
                            .append(','));
                    sb.setLength(sb.length() - 1);
                    o.println(sb);
                }
            }
            return 0;
        }
    }

    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = {"Write SWEEP/summary.csv and summary.json (one row per cell, with a SHA-256 of each model's "
                + "parameter bits) and SWEEP/report.html: per setting the median ± its standard error (bootstrap "
                + "over the seeds) and quartiles of the precise LL, sigma, tau and class KL and the fraction of runs whose latent dynamics form one clean cycle "
                + "through all states (docs/model.md §7); heat maps when two axes vary. Prints the per-setting table.",
                "Reads the files only: it may run while the sweep is still going."})
    static final class Collect implements Callable<Integer> {
        @ParentCommand
        SweepCommand sweep;

        @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep's directory.")
        Path dir;

        @Override
        public Integer call() {
            SweepDir sd = new SweepDir(dir);
            Manifest m = sd.readManifest();
            Collector.Result r = new Collector(sd, m, sweep.context(m).plugins()).write();
            PrintWriter o = sweep.out();
            o.print(table(m, r.settings()));
            o.println("wrote " + sd.root().resolve("summary.csv") + ", summary.json and report.html");
            return 0;
        }

        static String table(Manifest m, List<SettingStats> settings) {
            List<String> head = new ArrayList<>();
            for (Manifest.Axis a : m.axes()) {
                head.add(a.name());
            }
            head.addAll(List.of("done", "clean cycles", "LL median ± s.e. [IQR]", "sigma median ± s.e. [IQR]",
                    "tau median ± s.e. [IQR]", "KL median ± s.e. [IQR]"));
            List<List<String>> rows = new ArrayList<>();
            for (SettingStats s : settings) {
                List<String> row = new ArrayList<>();
                for (Manifest.Axis a : m.axes()) {
                    row.add(s.setting().getOrDefault(a.name(), ""));
                }
                row.add(s.done() + "/" + s.cells() + (s.failed() > 0 ? " (" + s.failed() + " failed)" : ""));
                row.add(s.done() == 0 ? "-" : String.format(Locale.ROOT, "%d/%d = %.0f%% ± %.0f%%", s.cleanCycles(),
                        s.done(), 100 * s.cleanFraction(), 100 * s.cleanFractionError()));
                row.add(spread(s.logLikelihood(), "%.2f"));
                row.add(spread(s.sigma(), "%.3f"));
                row.add(spread(s.tau(), "%.1f"));
                row.add(spread(s.classKl(), "%.3f"));
                rows.add(row);
            }
            int[] w = new int[head.size()];
            for (int k = 0; k < w.length; k++) {
                w[k] = head.get(k).length();
                for (List<String> row : rows) {
                    w[k] = Math.max(w[k], row.get(k).length());
                }
            }
            StringBuilder sb = new StringBuilder();
            List<List<String>> all = new ArrayList<>();
            all.add(head);
            all.addAll(rows);
            for (List<String> row : all) {
                for (int k = 0; k < row.size(); k++) {
                    sb.append(k == 0 ? "" : "  ").append(String.format("%-" + w[k] + "s", row.get(k)));
                }
                sb.append('\n');
            }
            sb.append(SettingStats.METHOD).append('\n');
            return sb.toString().replaceAll(" +\n", "\n");
        }

        static String spread(SettingStats.Spread s, String f) {
            return s.text(f);
        }
    }
}
