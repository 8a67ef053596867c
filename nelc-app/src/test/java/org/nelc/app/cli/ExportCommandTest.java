package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.likelihood.LogLikelihood;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.data.DataSources;
import org.nelc.data.numpy.NpyHeader;
import org.nelc.data.numpy.NpzWriter;

class ExportCommandTest {
    @TempDir
    Path dir;

    /** The arrays exactly as model.json holds them, in the documented shapes. */
    @Test
    void writesTheParametersChainAndConfiguration() throws Exception {
        Path modelFile = trainedAndEvaluated();
        CliHarness.Result r = CliHarness.run("export", modelFile.toString(), "--npz", dir.resolve("m.npz").toString());
        assertEquals(0, r.code(), r.toString());
        ModelFile mf = ModelIO.read(modelFile, PluginCatalog.discover(getClass().getClassLoader()));
        try (ZipFile zip = new ZipFile(dir.resolve("m.npz").toFile())) {
            assertArrayEquals(mf.model().w(), doubles(zip, "w", 36, 3));
            assertArrayEquals(mf.model().a(), doubles(zip, "a", 36));
            assertArrayEquals(mf.model().wbar(), doubles(zip, "wbar", 3, 36));
            assertArrayEquals(mf.model().abar(), doubles(zip, "abar", 3));
            assertArrayEquals(mf.model().centering(), doubles(zip, "centering", 36));
            Evaluation ev = Evaluation.fromJson(Files.readString(dir.resolve("run/evaluation.json")));
            assertArrayEquals(ev.occupancy(), doubles(zip, "pbar", 3));
            try (InputStream in = zip.getInputStream(zip.getEntry("chain_x.npy"))) {
                NpyHeader h = NpyHeader.read(in, "chain_x");
                assertEquals("|u1", h.descr());
                assertArrayEquals(new long[] {1, 36}, h.shape());
                assertArrayEquals(mf.chainVisible()[0], in.readAllBytes());
            }
            try (InputStream in = zip.getInputStream(zip.getEntry("config.npy"))) {
                NpyHeader h = NpyHeader.read(in, "config");
                assertEquals(0, h.shape().length);
                ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
                StringBuilder s = new StringBuilder();
                while (b.hasRemaining()) {
                    s.appendCodePoint(b.getInt());
                }
                var json = new ObjectMapper().readTree(s.toString().strip());
                assertEquals("one-hot", json.get("model").get("encoding").asText());
                assertEquals(mf.config().seed(), json.get("config").get("seed").asLong());
                assertTrue(json.get("parameters") == null, "no parameter blocks in config");
            }
        }
    }

    /**
     * The documented Python snippet (docs/python.md) gives nelc's per-image log-likelihood to 1e-9 on
     * the first rows of the training data, with the exported p̄.
     */
    @Test
    void pythonSnippetReproducesTheLogLikelihood() throws Exception {
        String python = pythonWithNumpy();
        Assumptions.assumeTrue(python != null, () -> {
            System.err.println("ExportCommandTest: SKIPPED the Python check: no python3 with numpy (PATH or /usr/bin)");
            return "no python3 with numpy";
        });
        Path modelFile = trainedAndEvaluated();
        assertEquals(0, CliHarness.run("export", modelFile.toString(), "--npz", dir.resolve("m.npz").toString()).code());
        Dataset all = new DataSources(PluginCatalog.discover(getClass().getClassLoader()).dataSources())
                .load(dir.resolve("synthetic.txt"), new DataSelection(List.of(0, 1, 2), 100, false));
        int n = 7;
        byte[] rows = new byte[n * 36];
        System.arraycopy(all.bitsView(), 0, rows, 0, rows.length);
        int[] labels = new int[n];
        Dataset few = new Dataset(n, 36, rows, labels, "first rows");
        Files.write(dir.resolve("rows.npy"), new NpzWriter().bytes("x", new long[] {n, 36}, rows).npyBytes("x"));
        ModelFile mf = ModelIO.read(modelFile, PluginCatalog.discover(getClass().getClassLoader()));
        Evaluation ev = Evaluation.fromJson(Files.readString(dir.resolve("run/evaluation.json")));
        double[] expected = LogLikelihood.perPoint(mf.model(), few, ev.occupancy());

        Path script = dir.resolve("nelc_model.py");
        Files.writeString(script, snippet());
        Process p = new ProcessBuilder(python, script.toString(), dir.resolve("m.npz").toString(),
                dir.resolve("rows.npy").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        assertEquals(n, lines.length, out);
        for (int k = 0; k < n; k++) {
            // same formula, other summation order (BLAS, numpy's logaddexp): agreement to 1e-9 nats
            assertEquals(expected[k], Double.parseDouble(lines[k]), 1e-9, "row " + k);
        }
    }

    private Path trainedAndEvaluated() {
        Path data = CliHarness.syntheticData(dir);
        assertEquals(0, CliHarness.run(CliHarness.quickTrain(data, dir.resolve("run"))).code());
        Path model = dir.resolve("run/model.json");
        assertEquals(0, CliHarness.run("evaluate", model.toString(), "--chain-length", "2000", "--burn-in", "100",
                "--rb-samples", "10").code());
        return model;
    }

    /** The first python block of docs/python.md. */
    static String snippet() throws Exception {
        String md = Files.readString(Path.of("..", "docs", "python.md"));
        Matcher m = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL).matcher(md);
        assertTrue(m.find(), "docs/python.md has a python block");
        return m.group(1);
    }

    /**
     * The first python3 that imports NumPy: the one on PATH, else Debian's (where .ci/run installs
     * python3-numpy; a pyenv python3 may come first on PATH without it); null if none.
     */
    static String pythonWithNumpy() {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (Exception e) {
                // not installed: try the next
            }
        }
        return null;
    }

    private static double[] doubles(ZipFile zip, String name, long... shape) throws Exception {
        try (InputStream in = zip.getInputStream(zip.getEntry(name + ".npy"))) {
            NpyHeader h = NpyHeader.read(in, name);
            assertEquals("<f8", h.descr());
            assertArrayEquals(shape, h.shape());
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            List<Double> v = new ArrayList<>();
            while (b.hasRemaining()) {
                v.add(b.getDouble());
            }
            return v.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
