package org.nelc.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.EnumMap;
import java.util.Map;
import org.nelc.api.Named;
import org.nelc.api.data.DataSource;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.api.latent.LatentEncoding;
import org.nelc.api.optim.OptimizerFactory;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.plugin.PluginCatalog.Kind;

/**
 * Binds every plugin found by {@link java.util.ServiceLoader} on {@code loader} into a Guice
 * {@link MapBinder} by name (one map per SPI: {@code Map<String, LatentEncoding>}, …) and provides the
 * {@link PluginCatalog} the commands use. No concrete plugin class is named here.
 */
public final class PluginModule extends AbstractModule {
    private final ClassLoader loader;

    public PluginModule(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    protected void configure() {
        bindAll(Kind.ENCODING, LatentEncoding.class);
        bindAll(Kind.VISIBLE_KERNEL, VisibleKernel.class);
        bindAll(Kind.GRADIENT, GradientEstimator.class);
        bindAll(Kind.OPTIMIZER, OptimizerFactory.class);
        bindAll(Kind.DIAGNOSTIC, Diagnostic.class);
        bindAll(Kind.DATA_SOURCE, DataSource.class);
        bind(ClassLoader.class).annotatedWith(com.google.inject.name.Names.named("plugins")).toInstance(loader);
    }

    private <T extends Named> void bindAll(Kind kind, Class<T> spi) {
        MapBinder<String, T> map = MapBinder.newMapBinder(binder(), String.class, spi);
        for (var e : PluginCatalog.load(kind, loader).entrySet()) {
            map.addBinding(e.getKey()).toInstance(spi.cast(e.getValue()));
        }
    }

    @Provides
    @Singleton
    PluginCatalog catalog(Map<String, LatentEncoding> encodings, Map<String, VisibleKernel> kernels,
            Map<String, GradientEstimator> gradients, Map<String, OptimizerFactory> optimizers,
            Map<String, Diagnostic> diagnostics, Map<String, DataSource> sources) {
        Map<Kind, Map<String, ? extends Named>> m = new EnumMap<>(Kind.class);
        m.put(Kind.ENCODING, encodings);
        m.put(Kind.VISIBLE_KERNEL, kernels);
        m.put(Kind.GRADIENT, gradients);
        m.put(Kind.OPTIMIZER, optimizers);
        m.put(Kind.DIAGNOSTIC, diagnostics);
        m.put(Kind.DATA_SOURCE, sources);
        return new PluginCatalog(m);
    }
}
