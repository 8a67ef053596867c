package org.nelc.app.report;

/**
 * Figures are drawn without a display: {@code java.awt.headless} is set to true before the first AWT
 * class initializes (every figure class calls {@link #ensure()} first), unless the user set it.
 */
public final class Headless {
    private Headless() {
    }

    public static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
