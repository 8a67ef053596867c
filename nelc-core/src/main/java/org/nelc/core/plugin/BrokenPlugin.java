package org.nelc.core.plugin;

/**
 * A plugin jar or provider that could not be loaded, and why: the one line a user needs to fix or
 * remove it. Loading never fails because of one; the catalog keeps them so that {@code nelc plugins}
 * lists them and selecting one by name says which jar and class are at fault.
 *
 * @param jar the jar (or class directory) the provider was listed in
 * @param kind the plugin kind, or {@code null} when the whole jar is unusable
 * @param className the provider class, or {@code null} when the whole jar is unusable
 * @param name the name the provider reported, or {@code null} when it never got that far
 * @param reason what went wrong, one line
 * @param cause the exception behind it, for {@code --debug}; {@code null} when there is none
 */
public record BrokenPlugin(String jar, PluginCatalog.Kind kind, String className, String name, String reason,
        Throwable cause) {
    /** A jar (or the class path) that cannot be used at all. */
    public static BrokenPlugin jar(String jar, String reason) {
        return jar(jar, reason, null);
    }

    public static BrokenPlugin jar(String jar, String reason, Throwable cause) {
        return new BrokenPlugin(jar, null, null, null, reason, cause);
    }

    /** A class listed in {@code jar} as a {@code kind} plugin that cannot be used (its name unknown yet). */
    public static BrokenPlugin plugin(String jar, PluginCatalog.Kind kind, String className, String reason) {
        return plugin(jar, kind, className, reason, null);
    }

    public static BrokenPlugin plugin(String jar, PluginCatalog.Kind kind, String className, String reason,
            Throwable cause) {
        return new BrokenPlugin(jar, kind, className, null, reason, cause);
    }

    /** The same entry with the plugin's name, once it is known. */
    public BrokenPlugin named(String pluginName) {
        return new BrokenPlugin(jar, kind, className, pluginName, reason, cause);
    }

    /** {@code jar: class (kind): reason}, or {@code jar: reason} for a jar that cannot be used at all. */
    public String line() {
        if (className == null) {
            return jar + ": " + reason;
        }
        return jar + ": " + className + " (" + kind.label() + "): " + reason;
    }

    @Override
    public String toString() {
        return line();
    }
}
