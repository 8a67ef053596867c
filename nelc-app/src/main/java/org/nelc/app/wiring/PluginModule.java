package org.nelc.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
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
 * Binds every plugin of a loaded {@link PluginCatalog} into a Guice {@link MapBinder} by name (one map
 * per SPI: {@code Map<String, LatentEncoding>}, …) and the catalog itself, which the commands use. The
 * catalog is loaded before the injector is built, so a broken plugin is a {@link
 * org.nelc.core.plugin.BrokenPlugin} in it, never an exception inside Guice. No concrete plugin class is
 * named here.
 */
public final class PluginModule extends AbstractModule {
    private final PluginCatalog catalog;

    public PluginModule(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void configure() {
        bindAll(Kind.ENCODING, LatentEncoding.class);
        bindAll(Kind.VISIBLE_KERNEL, VisibleKernel.class);
        bindAll(Kind.GRADIENT, GradientEstimator.class);
        bindAll(Kind.OPTIMIZER, OptimizerFactory.class);
        bindAll(Kind.DIAGNOSTIC, Diagnostic.class);
        bindAll(Kind.DATA_SOURCE, DataSource.class);
        bind(ClassLoader.class).annotatedWith(com.google.inject.name.Names.named("plugins"))
                .toInstance(catalog.classLoader());
        bind(PluginCatalog.class).toInstance(catalog);
    }

    private <T extends Named> void bindAll(Kind kind, Class<T> spi) {
        MapBinder<String, T> map = MapBinder.newMapBinder(binder(), String.class, spi);
        for (var e : catalog.all(kind).entrySet()) {
            map.addBinding(e.getKey()).toInstance(spi.cast(e.getValue()));
        }
    }
}
