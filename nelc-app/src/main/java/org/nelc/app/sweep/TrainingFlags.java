package org.nelc.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nelc.api.UserError;
import org.nelc.app.options.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bridge between a sweep and the training flags of {@code nelc train}: the {@link TrainingOptions}
 * mixin is the one definition of every flag, so a sweep axis is any of its long names without the
 * dashes ({@code lr}, {@code latent}, {@code normalization}, …), and a cell's configuration is the
 * mixin's full state written as a <em>canonical map</em> from flag name to text:
 *
 * <ul>
 *   <li>numbers in Java's shortest round-trip form ({@code 0.10} → {@code 0.1});
 *   <li>lists joined with commas ({@code digits=0,1,2}); maps as sorted {@code k=v} joined with commas;
 *   <li>paths made absolute and normalized; booleans {@code true}/{@code false};
 *   <li>a flag whose value is unset (no {@code --data}: the MNIST cache) is absent.
 * </ul>
 *
 * The map parses back ({@link #parse}) into the same options, so a cell runs exactly what
 * {@code nelc train} with those flags would.
 */
public final class TrainingFlags {
    /** Flags that cannot be grid axes, and why. */
    private static final Map<String, String> NOT_AXES = Map.of("seed", "seeds are given with --seeds");

    private TrainingFlags() {
    }

    /** The long names (without dashes) of every training flag, sorted. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec(new TrainingOptions()).options()) {
            out.add(name(o));
        }
        out.sort(null);
        return out;
    }

    /** Refuses a name that is not a training flag, or that cannot vary in a grid. */
    public static void checkAxisName(String name) {
        if (NOT_AXES.containsKey(name)) {
            throw new UserError("--grid: '" + name + "' cannot be an axis: " + NOT_AXES.get(name));
        }
        if (!names().contains(name)) {
            throw new UserError("--grid: unknown axis '" + name + "': an axis is a training flag without its dashes, "
                    + "one of " + String.join(", ", names()));
        }
    }

    /** Whether the flag takes a list or a map: its grid values are separated by ';', not ','. */
    public static boolean isCompound(String name) {
        Class<?> t = option(spec(new TrainingOptions()), name).type();
        return Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
    }

    /** The canonical map of {@code options} (see the class comment). */
    public static TreeMap<String, String> canonical(TrainingOptions options) {
        TreeMap<String, String> out = new TreeMap<>();
        for (OptionSpec o : spec(options).options()) {
            String v = render(o.getValue());
            if (v != null) {
                out.put(name(o), v);
            }
        }
        return out;
    }

    /** The command-line arguments equivalent to a canonical map (what {@code nelc train} would take). */
    public static List<String> arguments(Map<String, String> flags) {
        CommandSpec spec = spec(new TrainingOptions());
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> e : flags.entrySet()) {
            args.addAll(arguments(spec, e.getKey(), e.getValue()));
        }
        return args;
    }

    /** The arguments that set one flag to {@code value} (a canonical or user-written value). */
    static List<String> arguments(CommandSpec spec, String name, String value) {
        OptionSpec o = option(spec, name);
        String flag = "--" + name;
        Class<?> t = o.type();
        if (t == boolean.class || t == Boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new UserError(flag + ": expected true or false, got '" + value + "'");
            }
            return value.equals("true") ? List.of(flag) : List.of();
        }
        if (Map.class.isAssignableFrom(t)) {
            List<String> out = new ArrayList<>();
            for (String kv : value.split(",")) {
                if (!kv.isBlank()) {
                    out.add(flag);
                    out.add(kv.trim());
                }
            }
            return out;
        }
        return List.of(flag, value);
    }

    /** Parses training arguments into a fresh {@link TrainingOptions}; a bad value is a {@link UserError}. */
    public static TrainingOptions parse(List<String> args) {
        TrainingOptions options = new TrainingOptions();
        CommandLine cl = new CommandLine(spec(options));
        cl.setOverwrittenOptionsAllowed(true);
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new UserError(e.getMessage(), e);
        }
        return options;
    }

    /** Parses a canonical map. */
    public static TrainingOptions parse(Map<String, String> flags) {
        return parse(arguments(flags));
    }

    static CommandSpec spec(TrainingOptions options) {
        CommandSpec spec = CommandSpec.create();
        spec.addMixin("training", CommandSpec.forAnnotatedObject(options));
        return spec;
    }

    static CommandSpec spec() {
        return spec(new TrainingOptions());
    }

    private static OptionSpec option(CommandSpec spec, String name) {
        OptionSpec o = spec.findOption("--" + name);
        if (o == null) {
            throw new UserError("unknown training flag '--" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return o;
    }

    private static String name(OptionSpec o) {
        return o.longestName().replaceFirst("^--", "");
    }

    private static String render(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Path p) {
            return p.toAbsolutePath().normalize().toString();
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object x : c) {
                parts.add(render(x));
            }
            return String.join(",", parts);
        }
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), render(x)));
            List<String> parts = new ArrayList<>();
            sorted.forEach((k, x) -> parts.add(k + "=" + x));
            return String.join(",", parts);
        }
        return String.valueOf(v);
    }
}
