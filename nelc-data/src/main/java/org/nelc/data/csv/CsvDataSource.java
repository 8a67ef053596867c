package org.nelc.data.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.LabelMap;
import org.nelc.data.RowCollector;
import org.nelc.data.Threshold;
import org.nelc.data.io.InputFiles;

/**
 * Reads CSV files ({@code *.csv}, raw or gzip-compressed, UTF-8): one row per line, values separated
 * by commas (or TABs or semicolons, whichever the first row uses), fields optionally in double quotes.
 *
 * <ul>
 *   <li>The first row is a header if one of its fields (other than the label column) is not a number.
 *   <li>{@code label-column}: the column holding the labels, by header name or by 0-based index
 *       (negative counts from the end: -1 is the last). Labels are non-negative integers or any
 *       strings ({@link LabelMap}). Without it every column is a value and the rows are unlabeled.
 *   <li>Values are numbers, binarized by {@link Threshold} as floats: in [0, 1] at 0.5, else with
 *       {@code threshold}. Empty lines and lines starting with {@code #} are skipped.
 * </ul>
 */
public final class CsvDataSource implements DataSource {
    public static final String NAME = "csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CSV of numbers, header optional (--label-column NAME|INDEX, --threshold)";
    }

    @Override
    public Set<String> options() {
        return Set.of("threshold", "label-column");
    }

    @Override
    public boolean accepts(Path path) {
        return Files.isRegularFile(path) && InputFiles.endsWithAny(InputFiles.fileName(path), ".csv", ".csv.gz");
    }

    @Override
    public Dataset load(Path path, DataSelection selection) {
        InputFiles.requireRegularFile(path);
        String labelColumn = selection.option("label-column");
        Threshold rule = new Threshold(path.toString(), Threshold.Kind.FLOAT, Threshold.parse(selection.option("threshold")))
                .countingLines();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        List<String> labels = new ArrayList<>();
        byte[] bits = new byte[1 << 12];
        int rows = 0;
        int width = -1;
        int label = -1;
        char sep = 0;
        int lineNo = 0;
        int firstRowLine = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(InputFiles.openText(path), decoder), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (sep == 0) {
                    sep = line.indexOf(',') >= 0 ? ',' : line.indexOf('\t') >= 0 ? '\t' : line.indexOf(';') >= 0 ? ';' : ',';
                }
                List<String> fields = split(path, lineNo, line, sep);
                if (width < 0) {
                    firstRowLine = lineNo;
                    label = labelIndex(path, labelColumn, fields, null);
                    if (isHeader(fields, label)) {
                        label = labelIndex(path, labelColumn, fields, fields);
                        width = fields.size() - (label >= 0 ? 1 : 0);
                        continue;
                    }
                    if (labelColumn != null && label < 0) {
                        throw new UserError("--label-column " + labelColumn + ": " + path + " has no header row to name it");
                    }
                    width = fields.size() - (label >= 0 ? 1 : 0);
                }
                if (fields.size() - (label >= 0 ? 1 : 0) != width) {
                    throw new UserError(path + " line " + lineNo + ": " + fields.size() + " fields, but line " + firstRowLine
                            + " has " + (width + (label >= 0 ? 1 : 0)) + " (all rows must have the same length)");
                }
                if (width < 1) {
                    throw new UserError(path + " line " + lineNo + ": no values besides the label");
                }
                if ((long) (rows + 1) * width > bits.length) {
                    long want = Math.max(2L * bits.length, (long) (rows + 1) * width);
                    if (want > Integer.MAX_VALUE - 16) {
                        throw new UserError(path + ": too large (more than " + (Integer.MAX_VALUE - 16) + " values)");
                    }
                    bits = Arrays.copyOf(bits, (int) want);
                }
                int j = 0;
                for (int c = 0; c < fields.size(); c++) {
                    String f = fields.get(c).strip();
                    if (c == label) {
                        if (f.isEmpty()) {
                            throw new UserError(path + " line " + lineNo + ": empty label");
                        }
                        labels.add(f);
                        continue;
                    }
                    double v;
                    try {
                        v = number(f);
                    } catch (NumberFormatException e) {
                        throw new UserError(path + " line " + lineNo + ", column " + c + ": '" + f + "' is not a number"
                                + (labelColumn == null ? " (labels in a column: --label-column)" : ""));
                    }
                    bits[rows * width + j] = rule.bit(v, lineNo, c);
                    j++;
                }
                rows++;
            }
        } catch (CharacterCodingException e) {
            throw new UserError(path + " line " + (lineNo + 1) + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserError(path + ": cannot read" + InputFiles.detail(e), e);
        }
        if (rows == 0) {
            throw new UserError(path + (lineNo == 0 ? ": empty file" : ": no rows of values"));
        }
        LabelMap map = label >= 0 ? LabelMap.of(path.toString(), labels.toArray(new String[0])) : null;
        DataSelection resolved = map == null ? selection : map.resolve(selection);
        RowCollector collector = new RowCollector(path, resolved, width, "class").reading(rule.describe());
        for (int n = 0; n < rows; n++) {
            collector.offer(map == null ? -1 : map.id(n), bits, n * width);
        }
        Dataset d = collector.build();
        return map == null ? d : d.withClassNames(map.names());
    }

    /** A value: a Java/Python number, {@code nan} and {@code inf} in any case as numpy writes them. */
    private static double number(String f) {
        String lower = f.toLowerCase(java.util.Locale.ROOT);
        return switch (lower) {
            case "nan" -> Double.NaN;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(f);
        };
    }

    /** Whether the first row names the columns: a field other than the label is not a number. */
    private static boolean isHeader(List<String> fields, int label) {
        for (int c = 0; c < fields.size(); c++) {
            if (c == label) {
                continue;
            }
            try {
                number(fields.get(c).strip());
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * The label column's index among {@code fields}: by name in {@code header} (when given), else as
     * an integer index; -1 without {@code --label-column} or when only a header could name it.
     */
    private static int labelIndex(Path path, String column, List<String> fields, List<String> header) {
        if (column == null) {
            return -1;
        }
        if (header != null) {
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).strip().equals(column)) {
                    return c;
                }
            }
        }
        if (column.matches("-?\\d{1,9}")) {
            int i = Integer.parseInt(column);
            int k = i < 0 ? fields.size() + i : i;
            if (k < 0 || k >= fields.size()) {
                throw new UserError("--label-column " + column + ": " + path + " has " + fields.size() + " columns");
            }
            return k;
        }
        if (header != null) {
            throw new UserError("--label-column " + column + ": no such column in the header of " + path + " ("
                    + String.join(", ", header) + ")");
        }
        return -1;
    }

    /** The fields of a line; double quotes protect separators, {@code ""} inside quotes is a quote. */
    static List<String> split(Path path, int lineNo, String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                quoted = true;
                f.setLength(0);
            } else if (c == sep) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new UserError(path + " line " + lineNo + ": unclosed double quote");
        }
        out.add(f.toString());
        return out;
    }
}
