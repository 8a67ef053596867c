package org.nelc.api;

/**
 * Something a user selects by name: every plugin (encoding, kernel, optimizer, gradient estimator,
 * diagnostic, data source) carries a stable, lower-case, dash-separated {@link #name()} that the CLI
 * and saved models refer to, and a one-line {@link #description()} that {@code nelc plugins} prints.
 */
public interface Named {
    /** The stable name users type, e.g. {@code "rmsprop"} or {@code "one-hot"}. */
    String name();

    /** One line saying what this implementation is. */
    String description();
}
