package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes on one sweep: a run killed with SIGKILL in the middle of a cell, then resumed; and two
 * runs of the same sweep at once. Each ends with the same bits as an undisturbed run.
 */
class SweepProcessesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The command that starts nelc in a new JVM with this test's class path. */
    static List<String> nelc(String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                "org.nelc.app.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A sweep of {@code seeds} cells of about {@code epochs / 100} s each, and a reference run in-process. */
    private Path planWithReference(String name, int seeds, int epochs) {
        Path data = CliHarness.syntheticData(dir);
        for (String n : List.of(name, "reference")) {
            SweepCommandTest.ok(SweepCommandTest.plan(data, dir.resolve(n), "--seeds", "1.." + seeds, "--epochs",
                    Integer.toString(epochs)));
        }
        SweepCommandTest.ok("sweep", "run", dir.resolve("reference").toString(), "--all", "--threads", "2");
        return dir.resolve(name);
    }

    private void assertSameBitsAsReference(Path sweep) throws Exception {
        SweepCommandTest.ok("sweep", "collect", sweep.toString());
        SweepCommandTest.ok("sweep", "collect", dir.resolve("reference").toString());
        JsonNode a = JSON.readTree(sweep.resolve("summary.json").toFile()).get("cells");
        JsonNode b = JSON.readTree(dir.resolve("reference/summary.json").toFile()).get("cells");
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals("done", a.get(i).get("state").asText(), a.get(i).toString());
            assertEquals(b.get(i).get("parametersSha256").asText(), a.get(i).get("parametersSha256").asText());
            assertEquals(b.get(i).get("summary").get("diagnostics"), a.get(i).get("summary").get("diagnostics"),
                    "every measurement, bit for bit");
        }
        try (Stream<Path> files = Files.walk(sweep.resolve("cells"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().equals("claim")), "no temporary files or claims left");
        }
    }

    @Test
    void aRunKilledMidCellIsCompletedByTheNextRunWithTheSameBits() throws Exception {
        Path sweep = planWithReference("s", 8, 400);
        Process p = new ProcessBuilder(nelc("sweep", "run", sweep.toString(), "--all", "--threads", "1"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // wait until one cell is done and the next one is claimed, i.e. training is under way
        while (!(count(sweep, "done") >= 1 && count(sweep, "claim") == 1 && count(sweep, "history.csv") > count(sweep,
                "done"))) {
            assertTrue(p.isAlive(), () -> "finished before it could be killed: " + read(dir.resolve("killed.log")));
            assertTrue(System.nanoTime() < deadline, "no progress in 120 s");
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, the claim stays behind
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        int done = count(sweep, "done");
        assertTrue(done < 8, "killed before the end");
        CliHarness.Result status = SweepCommandTest.ok("sweep", "status", sweep.toString());
        if (count(sweep, "claim") == 1) {
            assertTrue(status.out().contains("1 interrupted") && status.out().contains("is gone"), status.out());
        }
        CliHarness.Result resume = SweepCommandTest.ok("sweep", "run", sweep.toString(), "--all", "--threads", "2");
        int left = 8 - done;
        assertTrue(resume.out().contains("ran " + left + (left == 1 ? " cell" : " cells") + " (0 failed); skipped " + done
                + " done"),
                resume.out());
        assertSameBitsAsReference(sweep);
    }

    @Test
    void twoProcessesOnOneSweepRunEachCellOnceAndCorruptNothing() throws Exception {
        Path sweep = planWithReference("s", 8, 40);
        List<Process> ps = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            ps.add(new ProcessBuilder(nelc("sweep", "run", sweep.toString(), "--all", "--threads", "1"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("p" + k + ".log").toFile()).start());
        }
        int ran = 0;
        for (int k = 0; k < 2; k++) {
            assertTrue(ps.get(k).waitFor(180, TimeUnit.SECONDS), "process " + k + " did not finish");
            String log = read(dir.resolve("p" + k + ".log"));
            assertEquals(0, ps.get(k).exitValue(), log);
            Matcher m = Pattern.compile("ran (\\d+) cells?").matcher(log);
            assertTrue(m.find(), log);
            ran += Integer.parseInt(m.group(1));
        }
        assertEquals(8, ran, "every cell ran exactly once over both processes");
        assertSameBitsAsReference(sweep);
    }

    private static int count(Path sweep, String file) {
        try (Stream<Path> cells = Files.list(sweep.resolve("cells"))) {
            return (int) cells.filter(c -> Files.exists(c.resolve(file))).count();
        } catch (java.nio.file.NoSuchFileException e) {
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Test
    void theLauncherOfTheTestsWorks() throws Exception {
        Process p = new ProcessBuilder(nelc("sweep", "--help")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.isEmpty());
    }
}
