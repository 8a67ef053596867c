package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.data.numpy.NpzWriter;

/** A user's own NumPy array without labels: train and evaluate with no data flag but --data. */
class UnlabeledDataTest {
    @TempDir
    Path dir;

    /** 240 images of 6×6 uint8 gray levels: three prototypes with about 10 % of pixels flipped. */
    static Path unlabeledImages(Path dir) throws Exception {
        int n = 240;
        int d = 36;
        byte[] gray = new byte[n * d];
        long state = 12345;
        for (int r = 0; r < n; r++) {
            int proto = r % 3;
            for (int i = 0; i < d; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                boolean on = (i / 6 + proto) % 3 == 0;
                boolean flip = ((state >>> 33) % 10) == 0;
                gray[r * d + i] = (byte) (on ^ flip ? 230 : 20);
            }
        }
        Path p = dir.resolve("rows.npy");
        Files.write(p, new NpzWriter().bytes("x", new long[] {n, 6, 6}, gray).npyBytes("x"));
        return p;
    }

    @Test
    void trainsAndEvaluatesEveryRowOfAnUnlabeledArray() throws Exception {
        Path data = unlabeledImages(dir);
        CliHarness.Result r = CliHarness.run("train", "--data", data.toString(), "--epochs", "3", "--steps-per-epoch",
                "10", "--batch", "8:32", "--chain-steps", "12", "--latent", "one-hot:3", "--quiet", "--out",
                dir.resolve("run").toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("rows.npy all rows (no labels) uint8 (240, 6, 6), binarized x >= 128"), r.out());
        assertTrue(r.out().contains("unlabeled: 240 (240 rows, D=36)"), r.out());
        JsonNode model = new ObjectMapper().readTree(dir.resolve("run/model.json").toFile());
        assertEquals("[6,6]", model.get("data").get("imageShape").toString());
        assertTrue(model.get("data").get("selection").get("allIfUnlabeled").asBoolean(), model.get("data").toString());

        CliHarness.Result e = CliHarness.run("evaluate", dir.resolve("run/model.json").toString(), "--chain-length",
                "2000", "--burn-in", "100", "--rb-samples", "20");
        assertEquals(0, e.code(), e.toString());
        assertTrue(e.out().contains("log-likelihood (precise)"), e.out());
        assertTrue(e.out().contains("needs labels: the data has none"), e.out());

        // the chain as an animation, in the data's 6×6 shape
        Path gif = dir.resolve("chain.gif");
        CliHarness.Result s = CliHarness.run("sample", dir.resolve("run/model.json").toString(), "--steps", "10",
                "--gif", gif.toString());
        assertEquals(0, s.code(), s.toString());
        var decoded = org.nelc.app.report.ChainAnimationTestAccess.decode(Files.readAllBytes(gif));
        assertEquals(10, decoded);
        assertEquals(2, CliHarness.run("sample", dir.resolve("run/model.json").toString(), "--gif", gif.toString(),
                "--image-shape", "5x7").code());

        CliHarness.Result cut = CliHarness.run("train", "--data", data.toString(), "--rows", "30", "--epochs", "1",
                "--steps-per-epoch", "2", "--batch", "8:8", "--chain-steps", "4", "--latent", "one-hot:3", "--quiet",
                "--out", dir.resolve("cut").toString());
        assertEquals(0, cut.code(), cut.toString());
        assertTrue(cut.out().contains("first 30 rows") && cut.out().contains("(30 rows, D=36)"), cut.out());

        CliHarness.Result named = CliHarness.run("train", "--data", data.toString(), "--classes", "1,2", "--quiet",
                "--out", dir.resolve("x").toString());
        assertEquals(2, named.code(), named.toString());
        assertTrue(named.err().contains("rows carry no labels, so classes [1, 2] cannot be selected"), named.err());
    }
}
