package org.nelc.app.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nelc.api.UserError;
import org.nelc.app.options.TrainingOptions;

/**
 * Builds a {@link Manifest}: the grid's points in order (the first axis varies slowest, the given values'
 * order kept), and for each point every seed. A cell's training configuration is the base flags,
 * overridden by the point's axis values and the seed, parsed by the {@code train} mixin and written in
 * canonical form; each is validated as {@code nelc train} would ({@link TrainingOptions#config()}) and
 * by {@code check}, so a bad value fails here, naming the cell, not in a thousand jobs later.
 */
public final class Planner {
    /** Extra validation of a cell's options (plugin names, data), run once per distinct configuration key. */
    public interface Check {
        void check(TrainingOptions options);
    }

    private Planner() {
    }

    /**
     * @param base the canonical map of the fixed training flags (their defaults included)
     * @param given the flags the user set explicitly (names without dashes): one may not also be an axis
     */
    public static Manifest plan(Map<String, String> base, Set<String> given, List<GridAxis> axes, List<Long> seeds,
            Manifest.EvaluationSettings evaluation, List<String> plugins, Check check) {
        return plan(base, given, axes, seeds, evaluation, plugins, check, (done, total) -> { });
    }

    /** Hears how many of the cells are planned. */
    @FunctionalInterface
    public interface Progress {
        void planned(int done, int total);
    }

    /**
     * As {@link #plan(Map, Set, List, List, Manifest.EvaluationSettings, List, Check)}, reporting progress.
     * A grid point's flags are parsed and validated once, with its first seed; its other cells differ only
     * in {@code seed} (any seed is valid), so their canonical maps are that one with the seed replaced —
     * parsing every cell (four picocli specs each) made 100 000 seeds take minutes.
     */
    public static Manifest plan(Map<String, String> base, Set<String> given, List<GridAxis> axes, List<Long> seeds,
            Manifest.EvaluationSettings evaluation, List<String> plugins, Check check, Progress progress) {
        Set<String> names = new java.util.HashSet<>();
        for (GridAxis a : axes) {
            if (!names.add(a.name())) {
                throw new UserError("--grid " + a.name() + ": the axis is given twice");
            }
            if (given.contains(a.name())) {
                throw new UserError("--" + a.name() + " is both a fixed flag and a --grid axis: give it once");
            }
        }
        if (seeds.isEmpty()) {
            throw new UserError("--seeds: no seeds");
        }
        TreeMap<String, String> fixed = new TreeMap<>(base);
        fixed.remove("seed");
        for (GridAxis a : axes) {
            fixed.remove(a.name());
        }

        List<List<String>> canonicalValues = new ArrayList<>();
        for (GridAxis a : axes) {
            canonicalValues.add(new ArrayList<>());
        }
        List<Manifest.Cell> cells = new ArrayList<>();
        Map<String, Manifest.Cell> byId = new HashMap<>();
        Map<String, Boolean> checked = new HashMap<>();
        int points = 1;
        for (GridAxis a : axes) {
            points = Math.multiplyExact(points, a.values().size());
        }
        if ((long) points * seeds.size() > 1_000_000L) {
            throw new UserError("the sweep would have " + (long) points * seeds.size() + " cells (more than 1000000)");
        }
        int total = points * seeds.size();
        int[] digit = new int[axes.size()];
        List<String> fixedArgs = TrainingFlags.arguments(fixed);
        var spec = TrainingFlags.spec();
        for (int p = 0; p < points; p++) {
            int rest = p;
            for (int k = axes.size() - 1; k >= 0; k--) {
                digit[k] = rest % axes.get(k).values().size();
                rest /= axes.get(k).values().size();
            }
            TreeMap<String, String> first = null;
            for (long seed : seeds) {
                String where = "cell " + describe(axes, digit) + " seed=" + seed + ": ";
                TreeMap<String, String> training;
                if (first != null) {
                    training = new TreeMap<>(first);
                    training.put("seed", Long.toString(seed));
                } else {
                    List<String> args = new ArrayList<>(fixedArgs);
                    for (int k = 0; k < axes.size(); k++) {
                        args.addAll(TrainingFlags.arguments(spec, axes.get(k).name(),
                                axes.get(k).values().get(digit[k])));
                    }
                    args.add("--seed");
                    args.add(Long.toString(seed));
                    try {
                        TrainingOptions options = TrainingFlags.parse(args);
                        options.config();
                        training = TrainingFlags.canonical(options);
                        String key = checkKey(training);
                        if (!checked.containsKey(key)) {
                            check.check(options);
                            checked.put(key, true);
                        }
                    } catch (UserError e) {
                        throw new UserError(where + e.getMessage(), e);
                    }
                    // the shortcut above is exact only if the canonical seed is the decimal seed: checked here
                    first = Long.toString(seed).equals(training.get("seed")) ? training : null;
                }
                LinkedHashMap<String, String> setting = new LinkedHashMap<>();
                for (int k = 0; k < axes.size(); k++) {
                    String v = training.getOrDefault(axes.get(k).name(), "");
                    setting.put(axes.get(k).name(), v);
                    if (seed == seeds.get(0) && !canonicalValues.get(k).contains(v)) {
                        canonicalValues.get(k).add(v);
                    }
                }
                String id = Manifest.cellId(training, evaluation);
                Manifest.Cell cell = new Manifest.Cell(cells.size(), id, seed, setting, training);
                Manifest.Cell twin = byId.put(id, cell);
                if (twin != null) {
                    throw new UserError(where + "the same configuration as cell " + twin.label()
                            + " (two grid values that mean the same thing?)");
                }
                cells.add(cell);
                progress.planned(cells.size(), total);
            }
        }
        List<Manifest.Axis> canonicalAxes = new ArrayList<>();
        for (int k = 0; k < axes.size(); k++) {
            canonicalAxes.add(new Manifest.Axis(axes.get(k).name(), canonicalValues.get(k)));
        }
        return Manifest.of(canonicalAxes, seeds, evaluation, plugins, fixed, cells);
    }

    /** The flags that {@code check} depends on: everything but the seed and the optimizer's numbers. */
    private static String checkKey(Map<String, String> training) {
        TreeMap<String, String> k = new TreeMap<>(training);
        k.remove("seed");
        k.remove("lr");
        return k.toString();
    }

    private static String describe(List<GridAxis> axes, int[] digit) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < axes.size(); k++) {
            sb.append(k == 0 ? "" : " ").append(axes.get(k).name()).append('=').append(axes.get(k).values().get(digit[k]));
        }
        return sb.toString();
    }
}
