package org.nelc.app.report;

/** How a claim of the paper fares on our numbers. */
public enum Verdict {
    HOLDS("holds"),
    PARTLY("partly"),
    DOES_NOT_HOLD("does not hold"),
    /** Too few models, or the subset the claim is about is empty. */
    NOT_TESTABLE("not testable");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
