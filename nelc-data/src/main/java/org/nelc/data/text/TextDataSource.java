package org.nelc.data.text;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.RowCollector;
import org.nelc.data.io.InputFiles;

/**
 * Reads the 0/1 text format: one row per line,
 *
 * <pre>
 * # a comment: from '#' to the end of the line
 * 3	0 1 1 0 1 0
 * 7	011001
 * </pre>
 *
 * <ul>
 *   <li>The bits are the characters {@code 0} and {@code 1}, optionally separated by spaces; every
 *       row has the same number of bits.
 *   <li>An optional class label (a non-negative integer) comes first, ended by a TAB: a TAB always
 *       ends the label, so bits cannot be TAB-separated. Either every row has a label or none has.
 *   <li>Empty lines and comments are ignored; {@code \r\n} line ends are fine; a gzip-compressed file
 *       is read transparently.
 * </ul>
 *
 * The whole file is read and checked, also past the rows the selection keeps.
 */
public final class TextDataSource implements DataSource {
    /** The stable name of this source. */
    public static final String NAME = "text";

    private static final Pattern ROW = Pattern.compile("\\s*(\\d+\\t)?[01 ]*[01][01 ]*\\s*(#.*)?");
    private static final int SNIFF_BYTES = 4096;
    private static final int MAX_LABEL_DIGITS = 9;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "plain text, one row of 0/1 characters per line, optional label<TAB> first";
    }

    /**
     * Files named {@code *.txt} or {@code *.txt.gz}, or whose first row (within the first 4 KiB,
     * after comments and empty lines) looks like a row of this format.
     */
    @Override
    public boolean accepts(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        if (InputFiles.endsWithAny(InputFiles.fileName(path), ".txt", ".txt.gz")) {
            return true;
        }
        byte[] head = InputFiles.head(path, SNIFF_BYTES);
        boolean whole = head.length < SNIFF_BYTES;
        String text = new String(InputFiles.withoutBom(head), StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean complete = i < lines.length - 1 || whole;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                if (!complete) {
                    return false;
                }
                continue;
            }
            return complete && ROW.matcher(line).matches();
        }
        return false;
    }

    @Override
    public Dataset load(Path path, DataSelection selection) {
        InputFiles.requireRegularFile(path);
        RowCollector rows = null;
        byte[] bits = new byte[64];
        Boolean labeled = null;
        int firstRowLine = 0;
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(InputFiles.openText(path), StandardCharsets.ISO_8859_1), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                int end = line.indexOf('#');
                if (end < 0) {
                    end = line.length();
                }
                int tab = line.indexOf('\t');
                int start = 0;
                int label = -1;
                if (tab >= 0 && tab < end) {
                    label = parseLabel(path, lineNo, line.substring(0, tab).strip());
                    start = tab + 1;
                } else if (line.substring(0, end).isBlank()) {
                    continue;
                }
                int n = 0;
                for (int c = start; c < end; c++) {
                    char ch = line.charAt(c);
                    if (ch == '0' || ch == '1') {
                        if (n == bits.length) {
                            bits = Arrays.copyOf(bits, 2 * n);
                        }
                        bits[n++] = (byte) (ch - '0');
                    } else if (ch != ' ' && ch != '\r' && ch != '\f' && ch != '\u000b') {
                        throw new UserError(path + " line " + lineNo + ", column " + (c + 1) + ": character "
                                + show(ch) + " (rows hold only 0 and 1, optionally separated by spaces"
                                + (ch == '\t' ? "; a TAB only ends the label" : "") + ")");
                    }
                }
                if (n == 0) {
                    throw new UserError(path + " line " + lineNo + ": label " + label + " but no bits");
                }
                boolean hasLabel = label >= 0;
                if (rows == null) {
                    rows = new RowCollector(path, selection, n, "class");
                    labeled = hasLabel;
                    firstRowLine = lineNo;
                } else {
                    if (n != rows.dimension()) {
                        throw new UserError(path + " line " + lineNo + ": " + n + " bits, but line " + firstRowLine
                                + " has " + rows.dimension() + " (all rows must have the same length)");
                    }
                    if (hasLabel != labeled) {
                        throw new UserError(path + " line " + lineNo + (hasLabel ? ": has a label" : ": has no label")
                                + ", but line " + firstRowLine + (labeled ? " has one" : " has none")
                                + " (label<TAB> on every row or on none)");
                    }
                }
                rows.offer(label, bits, 0);
            }
        } catch (EOFException e) {
            throw new UserError(path + ": truncated after line " + lineNo + InputFiles.detail(e), e);
        } catch (IOException e) {
            throw new UserError(path + ": cannot read: " + e.getMessage(), e);
        }
        if (rows == null) {
            throw new UserError(path + (lineNo == 0 ? ": empty file"
                    : ": no rows of 0/1, only " + lineNo + " lines of comments and blanks"));
        }
        return rows.build();
    }

    private static int parseLabel(Path path, int lineNo, String text) {
        if (text.isEmpty() || text.length() > MAX_LABEL_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UserError(path + " line " + lineNo + ": label '" + text
                    + "' before the TAB is not a non-negative integer");
        }
        return Integer.parseInt(text);
    }

    private static String show(char ch) {
        if (ch >= 0x21 && ch < 0x7f) {
            return "'" + ch + "'";
        }
        return switch (ch) {
            case '\t' -> "TAB";
            default -> String.format(Locale.ROOT, "U+%04X", (int) ch);
        };
    }
}
