package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsAndWritesModelAndHistory() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run")));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("class 0: 100, class 1: 100, class 2: 100"), r.out());
        assertTrue(r.out().contains("final on-the-fly log-likelihood"), r.out());
        List<String> history = Files.readAllLines(dir.resolve("run/history.csv"));
        assertEquals(5, history.size());
        assertEquals("epoch,step,batch_size,ll_on_the_fly,sigma_count,one_way_pairs,elapsed_s,sigma_rb", history.get(0));
        double sigmaRb = Double.parseDouble(history.get(4).split(",")[7]);
        assertTrue(Double.isFinite(sigmaRb) && sigmaRb >= 0, history.get(4));
        assertTrue(history.get(4).startsWith("4,40,32,"), history.get(4));
        ModelFile mf = ModelIO.read(dir.resolve("run/model.json"), PluginCatalog.discover(getClass().getClassLoader()));
        assertEquals(36, mf.model().visibleSize());
        assertEquals(3, mf.model().units());
        assertEquals("sigmoid-ratio", mf.model().latent().normalization());
        assertEquals(300, mf.data().size());
        try (var s = Files.list(dir.resolve("run"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void sameSeedSameParametersDifferentSeedDifferent() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("a"), "--seed", "7")).code());
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("b"), "--seed", "7")).code());
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("c"), "--seed", "8")).code());
        String a = parameters(dir.resolve("a/model.json"));
        assertEquals(a, parameters(dir.resolve("b/model.json")));
        assertFalse(a.equals(parameters(dir.resolve("c/model.json"))));
    }

    private static String parameters(Path model) throws Exception {
        String s = Files.readString(model);
        return s.substring(s.indexOf("\"parameters\""), s.indexOf("\"centering\" : ["));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--lr -0.5|--lr|-0.5",
        "--lr 0|--lr|0.0",
        "--latent one-hot:0|--latent|0",
        "--latent cold:3|--latent|cold",
        "--digits 0,7|class 7|synthetic.txt",
        "--per-class 0|--per-class|0",
        "--batch 16:5000|--batch|5000",
        "--batch 16-32|--batch|16-32",
        "--optimizer nadam|--optimizer|nadam",
        "--normalization softmaxx|--normalization|softmaxx",
        "--score fancy|--score|fancy",
        "--epochs 0|--epochs|0",
        "--chains 0|--chains|0"})
    void badInputEndsWithOneClearMessage(String flags, String names, String value) throws Exception {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("bad"), flags.split(" ")));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(names) && r.err().contains(value), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug: " + r.err());
        assertFalse(Files.exists(dir.resolve("bad/model.json")));
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("bad"), "--lr", "-1", "--debug"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void missingDataFileIsNamed() {
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(dir.resolve("nope.txt"), dir.resolve("x")));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("nope.txt"), r.toString());
    }

    @Test
    void divergenceStopsWithEpochAndStepAndKeepsHistoryValid() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, dir.resolve("div"), "--optimizer", "sgd",
                "--lr", "1e308"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("diverged at epoch 1, step"), r.toString());
        assertFalse(Files.exists(dir.resolve("div/model.json")));
    }

    @Test
    void unknownFlagSuggestsHelp() {
        CliHarness.Result r = CliHarness.run("train", "--learning-rate", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--learning-rate"), r.err());
    }
}
