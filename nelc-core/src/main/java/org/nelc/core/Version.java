package org.nelc.core;

/** The nelc version written into every model file. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
