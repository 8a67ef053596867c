package org.nelc.core.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.nelc.api.Named;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSource;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.LatentEncoding;
import org.nelc.api.optim.OptimizerFactory;

/**
 * Every plugin the running program knows, by kind and name. The CLI builds it from Guice's
 * name-keyed maps (themselves filled by {@link ServiceLoader}); library users and tests can call
 * {@link #discover(ClassLoader)}. Lookups of unknown names fail with a {@link UserError} that lists
 * the names that exist. Nothing here names a concrete implementation.
 */
public final class PluginCatalog {
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

    public PluginCatalog(Map<Kind, ? extends Map<String, ? extends Named>> plugins) {
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
    }

    /** Finds every implementation of every SPI visible to {@code loader}. */
    public static PluginCatalog discover(ClassLoader loader) {
        Map<Kind, Map<String, Named>> m = new TreeMap<>();
        for (Kind k : Kind.values()) {
            m.put(k, load(k, loader));
        }
        return new PluginCatalog(m);
    }

    /** The implementations of one kind visible to {@code loader}, by name; duplicate names refused. */
    public static Map<String, Named> load(Kind kind, ClassLoader loader) {
        Map<String, Named> named = new TreeMap<>();
        for (Named p : ServiceLoader.load(kind.spi(), loader)) {
            Named old = named.put(p.name(), p);
            if (old != null && old.getClass() != p.getClass()) {
                throw new UserError("two " + kind.label() + " plugins are named '" + p.name() + "': "
                        + old.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return named;
    }

    public Map<String, Named> all(Kind kind) {
        return byKind.get(kind);
    }

    public <T extends Named> T get(Kind kind, String name, Class<T> type) {
        Named p = byKind.get(kind).get(name);
        if (p == null) {
            throw new UserError(kind.flag() + ": no " + kind.label() + " named '" + name + "' (known: "
                    + String.join(", ", byKind.get(kind).keySet()) + ")");
        }
        return type.cast(p);
    }

    public LatentEncoding encoding(String name) {
        return get(Kind.ENCODING, name, LatentEncoding.class);
    }

    public VisibleKernel visibleKernel(String name) {
        return get(Kind.VISIBLE_KERNEL, name, VisibleKernel.class);
    }

    public GradientEstimator gradient(String name) {
        return get(Kind.GRADIENT, name, GradientEstimator.class);
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
