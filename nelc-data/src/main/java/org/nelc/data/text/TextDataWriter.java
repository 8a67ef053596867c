package org.nelc.data.text;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.io.AtomicFiles;

/**
 * Writes a dataset in the format {@link TextDataSource} reads: a comment line with the dataset's
 * source, then one line per row, {@code label<TAB>bits} (just {@code bits} when the dataset has no
 * labels), the bits as {@code 0}/{@code 1} characters without separators. The file is replaced
 * atomically.
 */
public final class TextDataWriter {
    private TextDataWriter() {}

    /**
     * Writes {@code data} to {@code file}, replacing it atomically.
     *
     * @throws UserError if the file cannot be written
     */
    public static void write(Dataset data, Path file) {
        boolean labeled = data.hasLabels();
        int d = data.dimension();
        byte[] bits = data.bitsView();
        try {
            AtomicFiles.write(file, out -> {
                String header = "# " + data.source().replace('\n', ' ') + "\n";
                out.write(header.getBytes(StandardCharsets.UTF_8));
                byte[] line = new byte[d + 1];
                line[d] = '\n';
                for (int n = 0; n < data.size(); n++) {
                    if (labeled) {
                        out.write((data.label(n) + "\t").getBytes(StandardCharsets.US_ASCII));
                    }
                    for (int i = 0; i < d; i++) {
                        line[i] = (byte) ('0' + bits[n * d + i]);
                    }
                    out.write(line);
                }
            });
        } catch (UncheckedIOException e) {
            throw new UserError(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
