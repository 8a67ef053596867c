package org.nelc.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;

/**
 * Labels of a file whose labels may be strings (.npz, CSV). If every label is a non-negative integer
 * (at most 9 digits), the labels are those integers; otherwise each distinct string gets an id, in
 * sorted (code point) order from 0, as {@code np.unique} would number them. The names travel with the
 * dataset into {@code model.json}.
 */
public final class LabelMap {
    private final String where;
    private final int[] ids;
    private final Map<Integer, String> names;

    private LabelMap(String where, int[] ids, Map<Integer, String> names) {
        this.where = where;
        this.ids = ids;
        this.names = names;
    }

    /** Labels given as text, one per row. */
    public static LabelMap of(String where, String[] labels) {
        int[] ids = new int[labels.length];
        boolean integers = true;
        for (String s : labels) {
            if (!s.matches("\\d{1,9}")) {
                integers = false;
                break;
            }
        }
        if (integers) {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Integer.parseInt(labels[i]);
            }
            return new LabelMap(where, ids, Map.of());
        }
        TreeSet<String> distinct = new TreeSet<>(List.of(labels));
        Map<String, Integer> idOf = new TreeMap<>();
        Map<Integer, String> names = new TreeMap<>();
        for (String s : distinct) {
            names.put(idOf.size(), s);
            idOf.put(s, idOf.size());
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOf.get(labels[i]);
        }
        return new LabelMap(where, ids, names);
    }

    /**
     * Labels given as numbers (a numeric label array): each must be a non-negative integer.
     *
     * @throws UserError naming the first row that is not
     */
    public static LabelMap ofNumbers(String where, double[] labels) {
        int[] ids = new int[labels.length];
        for (int i = 0; i < ids.length; i++) {
            double v = labels[i];
            if (!(v >= 0 && v <= 999_999_999 && v == Math.rint(v))) {
                throw new UserError(where + ": label " + v + " of row " + i + " is not a non-negative integer");
            }
            ids[i] = (int) v;
        }
        return new LabelMap(where, ids, Map.of());
    }

    /** The label id of row {@code n}. */
    public int id(int n) {
        return ids[n];
    }

    public int size() {
        return ids.length;
    }

    /** The name of each id when the labels were strings; empty for integer labels. */
    public Map<Integer, String> names() {
        return names;
    }

    /**
     * The selection in label ids: names are looked up among the string labels (every one must exist);
     * integer labels keep the selection as it is.
     */
    public DataSelection resolve(DataSelection selection) {
        if (names.isEmpty() || selection.classNames().isEmpty()) {
            return selection;
        }
        Map<String, Integer> idOf = new TreeMap<>();
        names.forEach((id, name) -> idOf.put(name, id));
        List<Integer> resolved = new ArrayList<>();
        for (String name : selection.classNames()) {
            Integer id = idOf.get(name);
            if (id == null) {
                throw new UserError(where + ": no class '" + name + "' (classes: " + String.join(", ", idOf.keySet()) + ")");
            }
            resolved.add(id);
        }
        return selection.resolved(resolved);
    }
}
