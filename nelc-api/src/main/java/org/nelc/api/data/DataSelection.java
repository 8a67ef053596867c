package org.nelc.api.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nelc.api.UserError;

/**
 * Which rows to take, and how to read them.
 *
 * <ul>
 *   <li>{@code classes}: integer labels to take, in order, the first {@code perClass} rows of each. A
 *       class with fewer rows gives what it has (the counts are reported); {@code strict} refuses that.
 *   <li>{@code classNames}: the same selection by name, for files whose labels are strings (.npz, CSV);
 *       the loader maps each name to its label id. A name that is a non-negative integer is also in
 *       {@code classes}, so integer-labelled files read it as a number.
 *   <li>No classes and no names: all rows, unlabeled data included; {@code perClass} then bounds the
 *       total ({@link #firstRows}).
 *   <li>{@code allIfUnlabeled}: the classes are a default (the paper's 0, 1, 2), so a file without
 *       labels gives all its rows instead of an error.
 *   <li>{@code options}: reading settings for the loader that knows them ({@code threshold},
 *       {@code x-key}, {@code y-key}, {@code label-column}); {@code DataSources} refuses a key the
 *       chosen loader does not read.
 * </ul>
 */
public record DataSelection(List<Integer> classes, List<String> classNames, int perClass, boolean strict,
        boolean allIfUnlabeled, Map<String, String> options) {
    /** Every row of a file, when no limit is given. */
    public static final int ALL = Integer.MAX_VALUE;

    public DataSelection {
        classes = List.copyOf(classes);
        classNames = List.copyOf(classNames);
        options = Map.copyOf(new TreeMap<>(options));
        if (perClass < 1) {
            throw new UserError("--per-class: must be at least 1, got " + perClass);
        }
        for (int c : classes) {
            if (c < 0) {
                throw new UserError("--classes: class labels are non-negative, got " + c);
            }
        }
        if (classes.stream().distinct().count() != classes.size()
                || classNames.stream().distinct().count() != classNames.size()) {
            throw new UserError("--classes: a class is listed twice in " + (classNames.isEmpty() ? classes : classNames));
        }
    }

    /** Integer classes, the first {@code perClass} rows of each. */
    public DataSelection(List<Integer> classes, int perClass, boolean strict) {
        this(classes, List.of(), perClass, strict, false, Map.of());
    }

    /** The paper's selection: digits 0, 1, 2, first 1000 of each, shortfalls allowed. */
    public static DataSelection paper() {
        return new DataSelection(List.of(0, 1, 2), 1000, false);
    }

    /** The first {@code rows} rows whatever their labels ({@link #ALL}: every row). */
    public static DataSelection firstRows(int rows) {
        return new DataSelection(List.of(), rows, false);
    }

    /**
     * Classes written by the user: tokens that are all non-negative integers select by number (and by
     * name, for string-labelled files); any other token makes the whole list a selection by name.
     */
    public static DataSelection ofTokens(List<String> tokens, int perClass) {
        List<Integer> numbers = new java.util.ArrayList<>();
        for (String t : tokens) {
            if (!t.matches("\\d{1,9}")) {
                return new DataSelection(List.of(), tokens, perClass, false, false, Map.of());
            }
            numbers.add(Integer.parseInt(t));
        }
        return new DataSelection(numbers, tokens, perClass, false, false, Map.of());
    }

    /** Whether every row is taken (no classes, no names). */
    public boolean allRows() {
        return classes.isEmpty() && classNames.isEmpty();
    }

    /** Whether the classes are given only by name (some name is not a number). */
    public boolean byNameOnly() {
        return classes.isEmpty() && !classNames.isEmpty();
    }

    /** This selection, falling back to all rows when the file has no labels. */
    public DataSelection orAllIfUnlabeled() {
        return new DataSelection(classes, classNames, perClass, strict, true, options);
    }

    /** This selection with the reading settings {@code readOptions} (replacing any before). */
    public DataSelection withOptions(Map<String, String> readOptions) {
        return new DataSelection(classes, classNames, perClass, strict, allIfUnlabeled, readOptions);
    }

    /** The classes resolved to label ids (by a loader that maps names), names dropped. */
    public DataSelection resolved(List<Integer> ids) {
        return new DataSelection(ids, List.of(), perClass, strict, allIfUnlabeled, options);
    }

    /** The reading setting {@code key}, or null. */
    public String option(String key) {
        return options.get(key);
    }

    /** A builder of every row of a file (no classes, no limit, not strict, no reader options) to change. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().classes(classes).classNames(classNames).perClass(perClass).strict(strict)
                .allIfUnlabeled(allIfUnlabeled).options(options);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private List<Integer> classes = List.of();
        private List<String> classNames = List.of();
        private int perClass = ALL;
        private boolean strict;
        private boolean allIfUnlabeled;
        private Map<String, String> options = Map.of();

        private Builder() {
        }

        public Builder classes(List<Integer> v) {
            classes = v;
            return this;
        }

        public Builder classNames(List<String> v) {
            classNames = v;
            return this;
        }

        public Builder perClass(int v) {
            perClass = v;
            return this;
        }

        public Builder strict(boolean v) {
            strict = v;
            return this;
        }

        public Builder allIfUnlabeled(boolean v) {
            allIfUnlabeled = v;
            return this;
        }

        public Builder options(Map<String, String> v) {
            options = v;
            return this;
        }

        public DataSelection build() {
            return new DataSelection(classes, classNames, perClass, strict, allIfUnlabeled, options);
        }
    }
}
