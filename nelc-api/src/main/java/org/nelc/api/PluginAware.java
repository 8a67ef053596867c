package org.nelc.api;

/**
 * Implemented by a plugin (of any SPI) that needs other plugins: nelc calls {@link #plugins} once,
 * after every plugin is loaded and before any is used, from one thread. Keep the lookup, or take what
 * you need from it (e.g. {@code lookup.get(GradientEstimator.class, "two-step")}) and wrap it.
 */
public interface PluginAware {
    void plugins(PluginLookup lookup);
}
