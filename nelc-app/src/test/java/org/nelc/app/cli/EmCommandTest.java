package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmCommandTest {
    @TempDir
    Path dir;

    @Test
    void fitsWritesJsonAndComponentImage() throws Exception {
        Path data = CliHarness.syntheticData(dir);
        Path out = dir.resolve("em");
        CliHarness.Result r = CliHarness.run("em", "--data", data.toString(), "--per-class", "100", "--components", "3",
                "--restarts", "3", "--seed", "5", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("best: restart"), r.out());
        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("em.json")));
        assertEquals("nelc-em", json.get("schema").asText());
        assertEquals(3, json.get("restarts").size());
        JsonNode best = json.get("best");
        assertEquals(3, best.get("weights").size());
        assertEquals(36, best.get("means").get(0).size());
        double ll = best.get("logLikelihood").asDouble();
        for (JsonNode restart : json.get("restarts")) {
            assertTrue(restart.get("logLikelihood").asDouble() <= ll);
        }
        JsonNode history = best.get("history");
        for (int t = 1; t < history.size(); t++) {
            assertTrue(history.get(t).asDouble() >= history.get(t - 1).asDouble() - 1e-9, "EM never decreases");
        }
        BufferedImage png = ImageIO.read(out.resolve("components.png").toFile());
        assertNotNull(png, "a readable PNG");
        assertTrue(png.getWidth() > 3 * 60, "three panels");

        CliHarness.Result again = CliHarness.run("em", "--data", data.toString(), "--per-class", "100", "--components",
                "3", "--restarts", "3", "--seed", "5", "--threads", "1", "--out", dir.resolve("em1").toString());
        assertEquals(0, again.code(), again.toString());
        assertEquals(Files.readString(out.resolve("em.json")).replaceAll("\"seconds\" : [0-9.eE-]+", ""),
                Files.readString(dir.resolve("em1/em.json")).replaceAll("\"seconds\" : [0-9.eE-]+", ""),
                "same seed, same fit, whatever the thread count");
    }

    @Test
    void badFlagsNameThemselves() {
        Path data = CliHarness.syntheticData(dir);
        CliHarness.Result r = CliHarness.run("em", "--data", data.toString(), "--per-class", "100", "--components", "0",
                "--out", dir.resolve("x").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--components"), r.err());
        CliHarness.Result clip = CliHarness.run("em", "--data", data.toString(), "--per-class", "100", "--components",
                "2", "--clip", "0.4", "--out", dir.resolve("x").toString());
        assertEquals(2, clip.code(), clip.toString());
        assertTrue(clip.err().contains("--clip"), clip.err());
    }
}
