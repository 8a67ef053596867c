package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.app.experiment.HistoryFile;
import org.nelc.core.io.Checkpoint;
import org.nelc.core.train.EpochRecord;

/**
 * {@code train} in a real process, killed with SIGKILL at random epochs (or stopped with SIGTERM), then
 * {@code train --resume}: the final model.json (parameters, chains with their streams, optimizer state) and
 * history.csv (every column but the wall-clock seconds) are those of an uninterrupted run, bit for bit.
 */
class TrainResumeProcessesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPOCHS = 300;

    @TempDir
    Path dir;

    @TempDir
    static Path shared;

    private static Path data;
    private static Path reference;

    @org.junit.jupiter.api.BeforeAll
    static void uninterruptedReference() {
        data = CliHarness.syntheticData(shared);
        reference = shared.resolve("reference");
        CliHarness.Result ref = CliHarness.run(train(data, reference));
        assertEquals(0, ref.code(), ref.toString());
    }

    private static String[] train(Path data, Path out, String... extra) {
        return CliHarness.quickTrain(data, out, concat(new String[] {"--epochs", Integer.toString(EPOCHS),
            "--steps-per-epoch", "20", "--chain-steps", "48", "--checkpoint-every", "7"}, extra));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * Starts {@code args} in a new JVM and returns it once history.csv has at least {@code rows} rows and the
     * checkpoint at least {@code checkpoint} epochs (it is written in the background, a little behind).
     */
    private Process startAndWaitForRows(Path run, int rows, int checkpoint, String... args) throws Exception {
        Process p = new ProcessBuilder(SweepProcessesTest.nelc(args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (rows(run) < rows || checkpointEpochs(run) < checkpoint) {
            assertTrue(p.isAlive(), () -> "finished before it could be stopped: " + read(dir.resolve("child.log")));
            assertTrue(System.nanoTime() < deadline, "no progress in 120 s");
            Thread.sleep(2);
        }
        return p;
    }

    private static int checkpointEpochs(Path run) {
        try {
            return JSON.readTree(run.resolve(Checkpoint.FILE).toFile()).get("training").get("epochs").asInt();
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // not there yet
        }
    }

    private static int rows(Path run) throws Exception {
        Path h = run.resolve("history.csv");
        if (!Files.exists(h)) {
            return 0;
        }
        String s = Files.readString(h);
        return (int) s.chars().filter(c -> c == '\n').count() - 1;
    }

    private static void assertSameBits(Path run) throws Exception {
        JsonNode a = JSON.readTree(reference.resolve("model.json").toFile());
        JsonNode b = JSON.readTree(run.resolve("model.json").toFile());
        for (String field : List.of("parameters", "chain", "optimizerState", "config")) {
            assertEquals(a.get(field), b.get(field), field + ", bit for bit");
        }
        List<EpochRecord> ha = HistoryFile.read(reference.resolve("history.csv"));
        List<EpochRecord> hb = HistoryFile.read(run.resolve("history.csv"));
        assertEquals(EPOCHS, hb.size());
        for (int e = 0; e < EPOCHS; e++) {
            assertEquals(untimed(ha.get(e)), untimed(hb.get(e)), "history row " + (e + 1));
        }
        assertFalse(Files.exists(run.resolve(Checkpoint.FILE)), "a finished run keeps no checkpoint");
    }

    private static EpochRecord untimed(EpochRecord r) {
        return r.toBuilder().seconds(0).build();
    }

    @Test
    void killedTwiceAtRandomEpochsThenResumedIsBitIdentical() throws Exception {
        SplittableRandom random = new SplittableRandom(20261130);
        Path run = dir.resolve("run");
        int first = 8 + random.nextInt(EPOCHS / 5);
        Process p = startAndWaitForRows(run, first, 1, train(data, run));
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(run.resolve("model.json")), "killed before the end");
        int killedAt = rows(run);
        int kept = checkpointEpochs(run);
        // a row torn by the crash (as a full disk or an OS crash leaves it): dropped on resume
        Files.writeString(run.resolve("history.csv"), (killedAt + 1) + ",12", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        int second = killedAt + 1 + random.nextInt(EPOCHS / 5);
        p = startAndWaitForRows(run, second, kept + 1, "train", "--resume", run.toString(), "--quiet");
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(run.resolve("model.json")), "killed again before the end");
        assertTrue(read(dir.resolve("child.log")).contains("resuming " + run + " after epoch "),
                read(dir.resolve("child.log")));

        CliHarness.Result done = CliHarness.run("train", "--resume", run.toString(), "--quiet");
        assertEquals(0, done.code(), done.toString());
        assertSameBits(run);
    }

    @Test
    void terminatedRunKeepsItsLastEpochAndSaysHowToResume() throws Exception {
        Path run = dir.resolve("run");
        Process p = startAndWaitForRows(run, 30, 0, train(data, run));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String log = read(dir.resolve("child.log"));
        assertTrue(log.contains("continue with: nelc train --resume " + run), log);
        assertTrue(Files.exists(run.resolve(Checkpoint.FILE)), () -> log + "\n" + listing(run));
        String kept = log.substring(log.indexOf("(epoch ") + 7, log.indexOf(")", log.indexOf("(epoch ")));
        assertEquals(Integer.parseInt(kept), JSON.readTree(run.resolve(Checkpoint.FILE).toFile())
                .get("training").get("epochs").asInt(), "the checkpoint holds the last finished epoch");
        CliHarness.Result done = CliHarness.run("train", "--resume", run.toString(), "--quiet");
        assertEquals(0, done.code(), done.toString());
        assertSameBits(run);
    }

    private static String listing(Path d) {
        try (var files = Files.list(d)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().toString();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
