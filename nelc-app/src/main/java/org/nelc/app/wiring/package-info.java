/**
 * Guice wiring of the application: the built-in bindings ({@link org.nelc.app.wiring.NelcModule}), the
 * modules plugins contribute and their precedence ({@link org.nelc.app.wiring.PluginModules}), the plugin
 * class loaders, and the {@link org.nelc.app.wiring.AppContext} the commands get their collaborators from.
 */
package org.nelc.app.wiring;
