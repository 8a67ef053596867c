package org.nelc.api;

/**
 * Every installed plugin by SPI and name, for a plugin that builds on another: e.g. a gradient estimator
 * that wraps the built-in {@code two-step}, or an optimizer that clips the steps of {@code adam}. A plugin
 * that implements {@link PluginAware} receives it once after all plugins are loaded and before any is used.
 */
public interface PluginLookup {
    /**
     * The plugin implementing {@code spi} named {@code name} (built-in or from a jar).
     *
     * @throws UserError when there is none (the message lists the names that exist)
     */
    <T extends Named> T get(Class<T> spi, String name);
}
