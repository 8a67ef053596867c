package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.app.experiment.HistoryFile;
import org.nelc.app.rundir.RunLock;
import org.nelc.app.rundir.RunManifest;
import org.nelc.app.rundir.Staging;
import org.nelc.app.sweep.CellLock;
import org.nelc.core.io.Checkpoint;

/**
 * Run directories as a contract (docs/reliability.md, "Run directories"): a manifest, a lock that refuses a
 * second writer and takes over a dead one's, other settings refused unless --force, files replaced together
 * when a retrain dies, and no command using another model's evaluation.json.
 */
class RunDirectoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] EVALUATION = {"--chain-length", "2000", "--burn-in", "100", "--rb-samples", "100"};

    @TempDir
    Path dir;

    /** A train of several seconds (300 epochs x 20 steps), killed or stopped long before its end. */
    private static String[] longTrain(Path data, Path out, String... extra) {
        return CliHarness.quickTrain(data, out, concat(new String[] {"--epochs", "300", "--steps-per-epoch", "20",
            "--chain-steps", "48", "--checkpoint-every", "7"}, extra));
    }

    private Process start(String... args) throws Exception {
        return new ProcessBuilder(SweepProcessesTest.nelc(args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Waits until {@code file} exists (and, for a checkpoint, holds at least {@code epochs} epochs). */
    private void await(Process p, Path file, int epochs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (epochsIn(file) < epochs) {
            assertTrue(p.isAlive(), () -> "finished too early: " + read(dir.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no progress in 120 s");
            Thread.sleep(5);
        }
    }

    private static int epochsIn(Path file) {
        try {
            if (file.getFileName().toString().equals(Checkpoint.FILE)) {
                return JSON.readTree(file.toFile()).get("training").get("epochs").asInt();
            }
            return Files.exists(file) ? 1 : 0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static CliHarness.Result ok(String... args) {
        CliHarness.Result r = CliHarness.run(args);
        assertEquals(0, r.code(), r.toString());
        return r;
    }

    private static CliHarness.Result refused(String... args) {
        CliHarness.Result r = CliHarness.run(args);
        assertEquals(2, r.code(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        return r;
    }

    @Test
    void trainWritesAManifestOfWhatMadeTheDirectory() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        ok(CliHarness.quickTrain(data, run));
        RunManifest m = RunManifest.read(run).orElseThrow();
        assertEquals("train", m.command());
        assertEquals("4", m.settings().get("--epochs"));
        assertEquals("one-hot:3", m.settings().get("--latent"));
        assertTrue(m.commandLine().startsWith("nelc train --data "), m.commandLine());
        assertTrue(m.dataFingerprint() != null && !m.dataFingerprint().isEmpty());
        assertEquals(org.nelc.core.Version.VERSION, m.nelcVersion());
        assertFalse(Files.exists(run.resolve(RunLock.FILE)), "the lock is released at the end");
    }

    @Test
    void aSecondWriterIsRefusedWithTheHolderNamed() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        Process p = start(longTrain(data, run, "--epochs", "1000000")); // runs until killed
        try {
            await(p, run.resolve("history.csv"), 1);
            for (String[] second : List.of(CliHarness.quickTrain(data, run),
                    new String[] {"reproduce", "--data", data.toString(), "--models", "1", "--out", run.toString()},
                    new String[] {"em", "--data", data.toString(), "--components", "3", "--out", run.toString()})) {
                CliHarness.Result r = refused(second);
                assertTrue(r.err().startsWith("nelc: --out " + run + ": in use by pid " + p.pid() + " on host "
                        + CellLock.localHost() + ", started "), r.err());
                assertTrue(r.err().contains("(" + run.resolve(RunLock.FILE) + "); wait for it to finish, or write "
                        + "elsewhere"), r.err());
            }
            assertTrue(p.isAlive(), "the first writer goes on");
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStaleLockOfADeadProcessIsTakenOverWithANote() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Files.createDirectories(run);
        Files.writeString(run.resolve(RunLock.FILE), "host=" + CellLock.localHost() + "\npid=" + gone.pid()
                + "\npidStart=\nnonce=old\ncreated=2026-01-01T00:00:00Z\nslurmJob=\n");
        CliHarness.Result r = ok(CliHarness.quickTrain(data, run));
        assertTrue(r.err().contains("nelc: note: " + run + ": took over the lock left by pid " + gone.pid()
                + " on host " + CellLock.localHost() + ", started 2026-01-01T00:00:00Z (process " + gone.pid()
                + " is gone)"), r.err());
        assertTrue(Files.exists(run.resolve("model.json")));
    }

    @Test
    void otherSettingsAreRefusedAndForceReplaces() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        ok(CliHarness.quickTrain(data, run));
        ok(CliHarness.quickTrain(data, run)); // the same settings: the same run again
        CliHarness.Result r = refused(CliHarness.quickTrain(data, run, "--epochs", "5"));
        assertEquals("nelc: --out " + run + ": made with other settings (--epochs: 4 there, 5 now; see "
                + run.resolve(RunManifest.FILE) + "); resume it with the same settings, write elsewhere, or replace it "
                + "with --force", r.err().strip());
        assertEquals("4", RunManifest.read(run).orElseThrow().settings().get("--epochs"), "untouched");
        CliHarness.Result forced = ok(CliHarness.quickTrain(data, run, "--epochs", "5", "--force"));
        assertTrue(forced.err().contains("replacing it (--force)"), forced.err());
        assertEquals("5", RunManifest.read(run).orElseThrow().settings().get("--epochs"));
        assertEquals(5, HistoryFile.read(run.resolve("history.csv")).size());
        assertEquals(5, JSON.readTree(run.resolve("model.json").toFile()).get("config").get("epochs").asInt());
        // another command's directory is another setting too
        CliHarness.Result em = refused("em", "--data", data.toString(), "--components", "3", "--out", run.toString());
        assertTrue(em.err().contains("made with other settings (made by nelc train, not em;"), em.err());
    }

    @Test
    void aRetrainKilledMidwayLeavesTheFinishedRunsFilesTogetherAndResumesBitIdentically() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        ok(CliHarness.quickTrain(data, run));
        ok(concat(new String[] {"evaluate", run.resolve("model.json").toString()}, EVALUATION));
        Map<String, byte[]> before = files(run);
        assertEquals(4, before.size(), before.keySet().toString());

        Process p = start(longTrain(data, run, "--lr", "0.05", "--force"));
        await(p, Staging.of(run).resolve(Checkpoint.FILE), 8);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Map<String, byte[]> after = files(run);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f + " of the finished run, untouched");
        }

        CliHarness.Result resumed = ok("train", "--resume", run.toString(), "--quiet");
        assertTrue(resumed.err().contains("took over the lock left by pid " + p.pid()), resumed.err());
        assertFalse(Files.exists(Staging.of(run)), "switched in");
        assertFalse(Files.exists(run.resolve("evaluation.json")), "the old model's evaluation went with it");
        assertEquals("0.05", RunManifest.read(run).orElseThrow().settings().get("--lr"));
        Path reference = dir.resolve("reference");
        ok(longTrain(data, reference, "--lr", "0.05"));
        TrainResumeProcessesTest.assertSameBits(reference, run, 300);
    }

    @Test
    void aRunsManifestIsNoOutputOfAnotherCommand() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        ok(CliHarness.quickTrain(data, run));
        byte[] manifest = Files.readAllBytes(run.resolve(RunManifest.FILE));
        CliHarness.Result r = refused("sample", run.resolve("model.json").toString(), "--png",
                run.resolve(RunManifest.FILE).toString());
        assertTrue(r.err().contains("is the " + RunManifest.FILE + " of the model's run"), r.err());
        assertArrayEquals(manifest, Files.readAllBytes(run.resolve(RunManifest.FILE)));
    }

    @Test
    void sweepRunStoppedSaysWhatWasKeptAndHowToContinue() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path sweep = dir.resolve("sweep");
        ok(SweepCommandTest.plan(data, sweep, "--seeds", "1..8", "--epochs", "400"));
        Process p = start("sweep", "run", sweep.toString(), "--all", "--threads", "1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (doneCells(sweep) < 1) {
            assertTrue(p.isAlive(), () -> "finished too early: " + read(dir.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no progress in 120 s");
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String log = read(dir.resolve("child.log"));
        assertTrue(log.lines().anyMatch(l -> l.matches("nelc: interrupted; kept the finished cells \\(\\d of 8 done; a "
                + "cell in progress starts over\\); continue with: nelc sweep run " + java.util.regex.Pattern.quote(
                        sweep.toAbsolutePath().normalize().toString()) + " --all")), log);
    }

    private static long doneCells(Path sweep) throws java.io.IOException {
        if (!Files.isDirectory(sweep.resolve("cells"))) {
            return 0;
        }
        try (var cells = Files.list(sweep.resolve("cells"))) {
            return cells.filter(c -> Files.exists(c.resolve("done"))).count();
        }
    }

    @Test
    void aSwitchDecidedButNotFinishedIsCompletedByTheNextWriter() throws Exception {
        Path run = dir.resolve("run");
        Path next = Staging.fresh(run);
        Files.writeString(run.resolve("model.json"), "old model");
        Files.writeString(run.resolve("history.csv"), "old history");
        Files.writeString(run.resolve("evaluation.json"), "old evaluation");
        Files.writeString(next.resolve("model.json"), "new model");
        Files.writeString(next.resolve("history.csv"), "new history");
        // the commit list written, one file switched, then killed
        Files.writeString(next.resolve("commit"), "delete evaluation.json\nmove history.csv\nmove model.json\n");
        Files.delete(run.resolve("evaluation.json"));
        Files.move(next.resolve("history.csv"), run.resolve("history.csv"), java.nio.file.StandardCopyOption
                .REPLACE_EXISTING);
        try (var d = org.nelc.app.rundir.RunDirectory.lock("--out", run, new java.io.PrintWriter(System.err))) {
            assertEquals("new model", Files.readString(run.resolve("model.json")));
            assertEquals("new history", Files.readString(run.resolve("history.csv")));
            assertFalse(Files.exists(next));
        }
    }

    @Test
    void reproduceIntoADirectoryOfOtherSettingsIsRefusedUnlessForced() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("ensemble");
        String[] base = {"reproduce", "--data", data.toString(), "--per-class", "100", "--latent", "one-hot:3",
            "--epochs", "2", "--steps-per-epoch", "5", "--batch", "8:32", "--chain-steps", "12", "--chain-length",
            "500", "--burn-in", "50", "--rb-samples", "50", "--quiet", "--threads", "1", "--out", out.toString()};
        ok(concat(base, "--models", "1"));
        ok(concat(base, "--models", "2", "--resume")); // more seeds, the same settings
        CliHarness.Result r = refused(concat(base, "--models", "2", "--resume", "--lr", "0.05"));
        assertEquals("nelc: --out " + out + ": made with other settings (--lr: 0.1 there, 0.05 now; see "
                + out.resolve(RunManifest.FILE) + "); resume it with the same settings, write elsewhere, or replace it "
                + "with --force", r.err().strip());
        CliHarness.Result forced = ok(concat(base, "--models", "2", "--resume", "--lr", "0.05", "--force"));
        assertTrue(forced.out().contains("seed 1: trained") && forced.out().contains("seed 2: trained"), forced.out());
    }

    @Test
    void showAndExportNeverUseAnotherModelsEvaluation() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        ok(CliHarness.quickTrain(data, a));
        ok(CliHarness.quickTrain(data, b, "--seed", "2"));
        ok(concat(new String[] {"evaluate", a.resolve("model.json").toString()}, EVALUATION));
        JsonNode ev = JSON.readTree(a.resolve("evaluation.json").toFile());
        assertEquals(org.nelc.app.rundir.ModelEvaluations.fingerprint(a.resolve("model.json")),
                ev.get("modelFingerprint").asText());
        Files.copy(a.resolve("evaluation.json"), b.resolve("evaluation.json"));

        CliHarness.Result shown = ok("show", b.resolve("model.json").toString(), "--png", dir.resolve("b.png")
                .toString(), "--chain-length", "500");
        assertTrue(shown.err().contains("nelc: note: " + b.resolve("evaluation.json") + " not used: it is the "
                + "evaluation of another model (sha256:"), shown.err());
        assertTrue(shown.out().contains("evaluated on"), "evaluated afresh: " + shown.out());

        CliHarness.Result explicit = refused("show", b.resolve("model.json").toString(), "--evaluation",
                a.resolve("evaluation.json").toString(), "--png", dir.resolve("b2.png").toString());
        assertTrue(explicit.err().startsWith("nelc: " + a.resolve("evaluation.json") + ": not used for "
                + b.resolve("model.json") + ": it is the evaluation of another model (sha256:"), explicit.err());

        CliHarness.Result exported = ok("export", b.resolve("model.json").toString(), "--npz",
                dir.resolve("b.npz").toString());
        assertTrue(exported.err().contains("not used: it is the evaluation of another model"), exported.err());
        assertTrue(exported.out().contains("no pbar"), exported.out());

        ok("show", a.resolve("model.json").toString(), "--png", dir.resolve("a.png").toString());
    }

    @Test
    void reproduceReEvaluatesAModelWhoseEvaluationIsAnotherModels() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("ensemble");
        String[] base = {"reproduce", "--data", data.toString(), "--per-class", "100", "--latent", "one-hot:3",
            "--epochs", "2", "--steps-per-epoch", "5", "--batch", "8:32", "--chain-steps", "12", "--chain-length",
            "500", "--burn-in", "50", "--rb-samples", "50", "--quiet", "--threads", "1", "--models", "2", "--out",
            out.toString()};
        ok(base);
        Files.copy(out.resolve("models/seed-02/evaluation.json"), out.resolve("models/seed-01/evaluation.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliHarness.Result r = ok(concat(base, "--resume"));
        assertTrue(r.out().contains("seed 1: reused model, evaluated"), r.out());
        assertTrue(r.out().contains("seed 2: complete, reused"), r.out());
    }

    @Test
    void evaluateDoesNotSilentlyReplaceAnEvaluationMadeWithOtherSettings() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        ok(CliHarness.quickTrain(data, run));
        String model = run.resolve("model.json").toString();
        ok(concat(new String[] {"evaluate", model}, EVALUATION));
        byte[] kept = Files.readAllBytes(run.resolve("evaluation.json"));
        CliHarness.Result r = refused("evaluate", model, "--chain-length", "1000", "--burn-in", "100",
                "--rb-samples", "100");
        assertEquals("nelc: --out " + run.resolve("evaluation.json") + ": holds this model's evaluation with other "
                + "settings (--chain-length: 2000 there, 1000 now; show and reproduce use it); write elsewhere with "
                + "--out FILE, or replace it with --force", r.err().strip());
        assertArrayEquals(kept, Files.readAllBytes(run.resolve("evaluation.json")));
        ok("evaluate", model, "--chain-length", "1000", "--burn-in", "100", "--rb-samples", "100", "--out",
                dir.resolve("short.json").toString());
        ok(concat(new String[] {"evaluate", model}, EVALUATION)); // the same settings: the same numbers again
        ok("evaluate", model, "--chain-length", "1000", "--burn-in", "100", "--rb-samples", "100", "--force");
        assertEquals(1000, JSON.readTree(run.resolve("evaluation.json").toFile()).get("chainLength").asInt());
    }

    @Test
    void reproduceStoppedSaysWhatWasKeptAndHowToResume() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("ensemble");
        String[] args = {"reproduce", "--data", data.toString(), "--per-class", "100", "--latent", "one-hot:3",
            "--epochs", "40", "--steps-per-epoch", "20", "--batch", "8:32", "--chain-steps", "24", "--chain-length",
            "500", "--burn-in", "50", "--rb-samples", "50", "--quiet", "--threads", "1", "--models", "30", "--out",
            out.toString()};
        Process p = start(args);
        await(p, out.resolve("models/seed-01/evaluation.json"), 1);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String log = read(dir.resolve("child.log"));
        String line = log.lines().filter(l -> l.startsWith("nelc: interrupted; ")).findFirst().orElse("(none)");
        assertTrue(line.matches("nelc: interrupted; kept \\d+ complete model\\(s\\) under " + java.util.regex.Pattern
                .quote(out.toString()) + " \\(model.json, history.csv, evaluation.json each\\); continue with: nelc "
                + "reproduce .* --resume"), log);
        assertFalse(Files.exists(out.resolve(RunLock.FILE)), "released");
    }

    @Test
    void evaluateStoppedSaysNothingWasReplaced() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        ok(CliHarness.quickTrain(data, run));
        Process p = start("evaluate", run.resolve("model.json").toString(), "--chain-length", "20000000");
        await(p, run.resolve(RunLock.FILE), 1);
        Thread.sleep(500);
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String log = read(dir.resolve("child.log"));
        assertTrue(log.contains("nelc: interrupted; " + run.resolve("evaluation.json") + " is unchanged (an "
                + "evaluation has no checkpoint); run the same command again"), log);
        assertFalse(Files.exists(run.resolve("evaluation.json")));
    }

    @Test
    void emStoppedSaysNothingWasWritten() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("em");
        Process p = start("em", "--data", data.toString(), "--per-class", "100", "--components", "3", "--restarts",
                "100000", "--threads", "1", "--out", out.toString());
        await(p, out.resolve(RunLock.FILE), 1);
        Thread.sleep(500);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String log = read(dir.resolve("child.log"));
        assertTrue(log.contains("nelc: interrupted; " + out.resolve("em.json") + " is unchanged (it is written when "
                + "every restart has finished; an EM fit has no checkpoint); run the same command again"), log);
        assertFalse(Files.exists(out.resolve("em.json")));
        assertFalse(Files.exists(out.resolve(RunLock.FILE)), "released");
    }

    private static Map<String, byte[]> files(Path run) throws java.io.IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String f : List.of("model.json", "history.csv", "evaluation.json", RunManifest.FILE)) {
            if (Files.exists(run.resolve(f))) {
                m.put(f, Files.readAllBytes(run.resolve(f)));
            }
        }
        return m;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
