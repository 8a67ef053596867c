package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.analysis.evaluate.EvaluationOptions;

/**
 * Rows of docs/reliability.md: outputs never replace inputs, and flags that used to crash, run out of
 * memory or do something silly end in one line naming the flag and the value, exit code 2, no trace.
 */
class ReliabilityTest {
    @TempDir
    static Path dir;

    private static Path data;
    private static Path run;
    private static Path model;

    @BeforeAll
    static void trainOne() {
        data = CliHarness.syntheticData(dir);
        run = dir.resolve("run");
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, run));
        assertEquals(0, r.code(), r.toString());
        model = run.resolve("model.json");
    }

    /** Exit 2 and one line on stderr containing every one of {@code parts}, no stack trace; returns the line. */
    private static String refused(CliHarness.Result r, String... parts) {
        assertEquals(2, r.code(), r.toString());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), r.toString());
        assertFalse(err.contains("\tat ") || err.contains("Exception"), r.toString());
        for (String p : parts) {
            assertTrue(err.contains(p), "'" + p + "' in: " + err);
        }
        return err;
    }

    /** Runs {@code args} and checks that none of the run's files changed. */
    private static CliHarness.Result keepsTheRun(String... args) throws Exception {
        byte[] m = Files.readAllBytes(model);
        byte[] h = Files.readAllBytes(run.resolve("history.csv"));
        CliHarness.Result r = CliHarness.run(args);
        assertArrayEquals(m, Files.readAllBytes(model), "model.json untouched");
        assertArrayEquals(h, Files.readAllBytes(run.resolve("history.csv")), "history.csv untouched");
        return r;
    }

    @Test
    void samplePngOverTheModelIsRefused() throws Exception {
        refused(keepsTheRun("sample", model.toString(), "--png", model.toString()), "--png", model.toString(),
                "is the input");
    }

    @Test
    void showPngOverTheHistoryIsRefused() throws Exception {
        Path history = run.resolve("history.csv");
        refused(keepsTheRun("show", model.toString(), "--png", history.toString()), "--png", history.toString(),
                "history.csv of the model's run", model.toString());
    }

    @Test
    void evaluateOutOverTheModelIsRefused() throws Exception {
        refused(keepsTheRun("evaluate", model.toString(), "--out", model.toString(), "--chain-length", "100"),
                "--out", model.toString(), "is the input");
    }

    @Test
    void exportNpzOverTheModelIsRefused() throws Exception {
        refused(keepsTheRun("export", model.toString(), "--npz", model.toString()), "--npz", model.toString());
    }

    @Test
    void anOutputNamedThroughAnotherPathIsStillTheInput() throws Exception {
        Path other = run.resolve("..").resolve(run.getFileName()).resolve("model.json");
        refused(keepsTheRun("sample", model.toString(), "--png", other.toString()), "--png", "is the input");
    }

    @Test
    void emptyOutIsRefused() throws Exception {
        refused(CliHarness.run(CliHarness.quickTrain(data, Path.of(""))), "--out: empty path");
        refused(keepsTheRun("evaluate", model.toString(), "--out", ""), "--out: empty path");
        refused(keepsTheRun("sample", model.toString(), "--png", ""), "--png: empty path");
    }

    @Test
    void malformedBatchSchedulesAreRefused() {
        for (String b : new String[] {":", "16:", ":16", "8:16:32", "a:b"}) {
            refused(CliHarness.run(CliHarness.quickTrain(data, dir.resolve("b"), "--batch", b)), "--batch",
                    "'" + b + "'");
        }
        refused(CliHarness.run(CliHarness.quickTrain(data, dir.resolve("b"), "--batch", "10:5")), "--batch",
                "first size 10 is larger than the last 5");
        assertFalse(Files.exists(dir.resolve("b/model.json")));
    }

    @Test
    void chainLengthAndBurnInBeyondMemoryAreRefusedBeforeWork() {
        int max = EvaluationOptions.maxChainLength();
        refused(keepsTheRunQuietly("evaluate", model.toString(), "--chain-length", "2147483647"), "--chain-length",
                "at most " + max, "2147483647");
        refused(keepsTheRunQuietly("evaluate", model.toString(), "--burn-in", Long.toString(max + 1L)), "--burn-in",
                Long.toString(max + 1L));
        assertFalse(Files.exists(run.resolve("evaluation.json")));
    }

    private static CliHarness.Result keepsTheRunQuietly(String... args) {
        try {
            return keepsTheRun(args);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void showWithAFileThatIsNoEvaluationSaysSo() throws Exception {
        Files.writeString(dir.resolve("plan.json"), "{\"schema\": \"nelc-plan\", \"schemaVersion\": 2}");
        for (Path f : new Path[] {model, run.resolve("history.csv"), dir.resolve("plan.json")}) {
            refused(keepsTheRun("show", model.toString(), "--png", dir.resolve("s.png").toString(), "--evaluation",
                    f.toString()), f.toString(), "not an evaluation.json");
        }
    }

    @Test
    void bareNelcIsAUsageError() {
        refused(CliHarness.run(), "a command is needed: train", "(nelc --help)");
    }

    @Test
    void usageErrorsAreWordedOnce() {
        CliHarness.Result r = CliHarness.run("--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("(see: nelc --help)"), r.err());
        r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("o"), "--optimizer-setting", "x"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Value for option '--optimizer-setting'"), r.err());
        assertTrue(r.err().contains("(see: nelc train --help)"), r.err());
    }

    /** A '%' in a description is a format specifier to picocli: unescaped, it prints WARN lines (was: sweep slurm's %K). */
    @Test
    void everyHelpRendersWithoutPicocliWarnings() {
        String[][] commands = {{}, {"train"}, {"evaluate"}, {"exact-check"}, {"plugins"}, {"data"}, {"data", "fetch"},
            {"sweep"}, {"sweep", "plan"}, {"sweep", "run"}, {"sweep", "slurm"}, {"sweep", "status"},
            {"sweep", "collect"}, {"reproduce"}, {"sample"}, {"show"}, {"em"}, {"compare"}, {"export"}};
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            for (String[] c : commands) {
                String[] args = java.util.Arrays.copyOf(c, c.length + 1);
                args[c.length] = "--help";
                CliHarness.Result r = CliHarness.run(args);
                assertEquals(0, r.code(), String.join(" ", args) + ": " + r);
                if (c.length == 2 && c[1].equals("slurm")) {
                    assertTrue(r.out().contains("(--array=...%K)"), r.out());
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertFalse(captured.toString().contains("WARN"), captured.toString());
    }

    @Test
    void evaluateOutEndingInASlashIsADirectory() {
        Path fresh = dir.resolve("fresh");
        CliHarness.Result r = CliHarness.run("evaluate", model.toString(), "--out", fresh + "/", "--chain-length", "200",
                "--burn-in", "10");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isRegularFile(fresh.resolve("evaluation.json")), r.toString());
    }

    @Test
    void reproduceSeedIsRefusedNotIgnored() {
        refused(CliHarness.run("reproduce", "--data", data.toString(), "--seed", "5", "--out",
                dir.resolve("rep").toString()), "--seed", "--seeds 5");
        assertFalse(Files.exists(dir.resolve("rep")));
    }

    @Test
    void aLatentWithTwoColonsIsNamedAsWritten() {
        refused(CliHarness.run(CliHarness.quickTrain(data, dir.resolve("l"), "--latent", "one-hot:6:7")), "--latent",
                "expected ENCODING:L", "'one-hot:6:7'");
    }

    /** An I/O failure (a full disk; here a directory where model.json goes) is not the cell's: the next run retries it. */
    @Test
    void aSweepCellThatCouldNotBeWrittenIsRetriedNotFailedForever() throws Exception {
        Path sweep = dir.resolve("sweep");
        SweepCommandTest.ok(SweepCommandTest.plan(data, sweep, "--seeds", "1..1"));
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sweep.resolve("manifest.json").toFile())
                .get("cells").get(0).get("id").asText();
        Path blocker = Files.createDirectories(sweep.resolve("cells").resolve(id).resolve("model.json").resolve("x"));
        CliHarness.Result first = CliHarness.run("sweep", "run", sweep.toString(), "--all");
        assertTrue(first.out().contains("FAILED (I/O; not marked failed, the next run retries it): cannot write "),
                first.toString());
        assertFalse(first.out().contains("UncheckedIOException"), first.toString());
        Files.delete(blocker);
        Files.delete(blocker.getParent());
        CliHarness.Result second = SweepCommandTest.ok("sweep", "run", sweep.toString(), "--all");
        assertTrue(second.out().contains("ran 1 cell (0 failed)"), second.toString());
    }
}
