package org.nelc.core.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nelc.api.Named;
import org.nelc.api.PluginLookup;
import org.nelc.api.Settings;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSource;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.LatentEncoding;
import org.nelc.api.optim.OptimizerFactory;

/**
 * Every plugin the running program knows, by kind and name, with where each came from and the
 * plugins that could not be loaded ({@link #broken()}). {@link PluginLoader} builds it (the CLI from
 * the class path plus the plugin jars; library users and tests with {@link #discover(ClassLoader)}). Lookups of unknown names fail with a {@link UserError} that lists
 * the names that exist. Nothing here names a concrete implementation.
 */
public final class PluginCatalog implements PluginLookup {
    /** The plugin kinds, with the SPI each one implements. */
    public enum Kind {
        ENCODING("encoding", LatentEncoding.class, "--latent"),
        VISIBLE_KERNEL("visible-kernel", VisibleKernel.class, "--visible-kernel"),
        GRADIENT("gradient", GradientEstimator.class, "--gradient"),
        OPTIMIZER("optimizer", OptimizerFactory.class, "--optimizer"),
        DIAGNOSTIC("diagnostic", Diagnostic.class, "--diagnostic"),
        DATA_SOURCE("data-source", DataSource.class, "--data");

        private final String label;
        private final Class<? extends Named> spi;
        private final String flag;

        Kind(String label, Class<? extends Named> spi, String flag) {
            this.label = label;
            this.spi = spi;
            this.flag = flag;
        }

        public String label() {
            return label;
        }

        public Class<? extends Named> spi() {
            return spi;
        }

        public String flag() {
            return flag;
        }
    }

    private final Map<Kind, Map<String, Named>> byKind;
    private final Map<Named, String> origins;
    private final List<BrokenPlugin> broken;
    private final ClassLoader loader;

    /** A catalog of the given plugins (tests and library users; no origins, nothing broken). */
    public PluginCatalog(Map<Kind, ? extends Map<String, ? extends Named>> plugins) {
        this(plugins, Map.of(), List.of(), PluginCatalog.class.getClassLoader());
    }

    PluginCatalog(Map<Kind, ? extends Map<String, ? extends Named>> plugins, Map<Named, String> origins,
            List<BrokenPlugin> broken, ClassLoader loader) {
        Map<Kind, Map<String, Named>> m = new TreeMap<>();
        for (Kind k : Kind.values()) {
            Map<String, Named> named = new TreeMap<>();
            Map<String, ? extends Named> given = plugins.get(k);
            if (given != null) {
                for (var e : given.entrySet()) {
                    if (!k.spi().isInstance(e.getValue())) {
                        throw new IllegalArgumentException(e.getValue() + " is not a " + k.spi().getName());
                    }
                    named.put(e.getKey(), e.getValue());
                }
            }
            m.put(k, Collections.unmodifiableMap(named));
        }
        this.byKind = Collections.unmodifiableMap(m);
        this.origins = new IdentityHashMap<>(origins);
        this.broken = List.copyOf(broken);
        this.loader = loader;
    }

    /**
     * Finds every implementation of every SPI on {@code loader}'s class path; a broken provider is
     * kept in {@link #broken()}, not thrown (see {@link PluginLoader}).
     */
    public static PluginCatalog discover(ClassLoader loader) {
        return PluginLoader.discover(loader);
    }

    /** The providers that could not be loaded, in the order found; each names its jar, class and reason. */
    public List<BrokenPlugin> broken() {
        return broken;
    }

    /** The class loader the plugins were loaded with (the application's, plus the plugin jars). */
    public ClassLoader classLoader() {
        return loader;
    }

    /** The jar (file name for the class path, path for a plugin jar) or class directory a plugin came from. */
    public String origin(Named plugin) {
        String o = origins.get(plugin);
        return o != null ? o : PluginLoader.originOf(plugin.getClass());
    }

    public Map<String, Named> all(Kind kind) {
        return byKind.get(kind);
    }

    /**
     * The plugin of {@code kind} named {@code name}.
     *
     * @throws UserError naming {@link Kind#flag()}, when there is none: the message lists the names that
     *     exist and, when a broken plugin of that kind (or a broken jar) could have provided it, names
     *     its jar, class and reason
     */
    public <T extends Named> T get(Kind kind, String name, Class<T> type) {
        return type.cast(find(kind, name, kind.flag() + ": "));
    }

    /**
     * As {@link #get}, for a name a saved model refers to: the message says that {@code file} needs
     * the plugin (the user typed no flag).
     */
    public <T extends Named> T required(Kind kind, String name, Class<T> type, String file) {
        return type.cast(find(kind, name, file + " needs the " + kind.label() + " plugin '" + name + "', and "));
    }

    private Named find(Kind kind, String name, String prefix) {
        Named p = byKind.get(kind).get(name);
        if (p != null) {
            return p;
        }
        StringBuilder m = new StringBuilder(prefix).append("no ").append(kind.label()).append(" named '")
                .append(name).append("' is installed (known: ").append(String.join(", ", byKind.get(kind).keySet()))
                .append(")");
        List<BrokenPlugin> exact = new ArrayList<>();
        List<BrokenPlugin> maybe = new ArrayList<>();
        for (BrokenPlugin b : broken) {
            if (b.kind() == kind && name.equals(b.name())) {
                exact.add(b);
            } else if (b.kind() == null || (b.kind() == kind && b.name() == null)) {
                maybe.add(b);
            }
        }
        List<BrokenPlugin> shown = exact.isEmpty() ? maybe : exact;
        if (!shown.isEmpty()) {
            m.append(exact.isEmpty() ? "; broken plugin" + (shown.size() > 1 ? "s" : "") + " that may provide it: "
                    : "; it is broken: ");
            for (int i = 0; i < shown.size(); i++) {
                m.append(i > 0 ? "; " : "").append(shown.get(i).line());
            }
        }
        throw new UserError(m.toString());
    }

    public LatentEncoding encoding(String name) {
        return get(Kind.ENCODING, name, LatentEncoding.class);
    }

    /**
     * The x→z kernel of encoding {@code encoding} with {@code units} latent units. A {@code null}
     * normalization means the encoding's default (the first of {@link LatentEncoding#normalizations()}),
     * so an encoding never receives a value its API does not allow.
     */
    public LatentKernel latentKernel(String encoding, int units, String normalization) {
        return create(encoding(encoding), units, normalization, "--normalization");
    }

    /**
     * {@code encoding.create(units, normalization)} with {@code null} replaced by the default and a
     * normalization the encoding does not list refused with a {@link UserError} that starts with
     * {@code where} (a flag, or a file and field).
     */
    public static LatentKernel create(LatentEncoding encoding, int units, String normalization, String where) {
        List<String> known = encoding.normalizations();
        String norm = normalization == null ? known.get(0) : normalization;
        if (!known.contains(norm)) {
            throw new UserError(where + ": '" + norm + "' is not a normalization of " + encoding.name()
                    + " (expected " + String.join(" or ", known) + ")");
        }
        return encoding.create(units, norm);
    }

    public VisibleKernel visibleKernel(String name) {
        return get(Kind.VISIBLE_KERNEL, name, VisibleKernel.class);
    }

    /** The z→x kernel {@code name} configured with {@code settings} ({@code --visible-kernel-setting}). */
    public VisibleKernel visibleKernel(String name, Settings settings) {
        return visibleKernel(name).configure(settings == null ? Settings.NONE : settings);
    }

    public GradientEstimator gradient(String name) {
        return get(Kind.GRADIENT, name, GradientEstimator.class);
    }

    /** The gradient estimator {@code name} configured with {@code settings} ({@code --gradient-setting}). */
    public GradientEstimator gradient(String name, Settings settings) {
        return gradient(name).configure(settings == null ? Settings.NONE : settings);
    }

    /** The plugin implementing {@code spi} (one of the {@link Kind}s' SPIs) named {@code name}. */
    @Override
    public <T extends Named> T get(Class<T> spi, String name) {
        for (Kind k : Kind.values()) {
            if (k.spi() == spi) {
                return get(k, name, spi);
            }
        }
        throw new IllegalArgumentException(spi.getName() + " is not a plugin interface of nelc");
    }

    public OptimizerFactory optimizer(String name) {
        return get(Kind.OPTIMIZER, name, OptimizerFactory.class);
    }

    public Diagnostic diagnostic(String name) {
        return get(Kind.DIAGNOSTIC, name, Diagnostic.class);
    }

    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Named n : byKind.get(Kind.DIAGNOSTIC).values()) {
            out.add((Diagnostic) n);
        }
        return out;
    }

    public List<DataSource> dataSources() {
        List<DataSource> out = new ArrayList<>();
        for (Named n : byKind.get(Kind.DATA_SOURCE).values()) {
            out.add((DataSource) n);
        }
        return out;
    }
}
