package org.nelc.api.data;

import java.util.List;
import org.nelc.api.UserError;

/**
 * Which rows to take: the classes (in order) and the first {@code perClass} rows of each. A class
 * with fewer rows gives what it has (the counts are reported); {@code strict} refuses that instead.
 * An empty class list means all rows, unlabeled data included; {@code perClass} then bounds the total.
 */
public record DataSelection(List<Integer> classes, int perClass, boolean strict) {
    public DataSelection {
        classes = List.copyOf(classes);
        if (perClass < 1) {
            throw new UserError("--per-class: must be at least 1, got " + perClass);
        }
        for (int c : classes) {
            if (c < 0) {
                throw new UserError("--digits: class labels are non-negative, got " + c);
            }
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new UserError("--digits: a class is listed twice in " + classes);
        }
    }

    /** The paper's selection: digits 0, 1, 2, first 1000 of each, shortfalls allowed. */
    public static DataSelection paper() {
        return new DataSelection(List.of(0, 1, 2), 1000, false);
    }
}
