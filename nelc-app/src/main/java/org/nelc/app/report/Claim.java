package org.nelc.app.report;

/**
 * One claim of SPEC §9 checked on an ensemble.
 *
 * @param id short stable identifier ({@code three-regimes}, …)
 * @param paper what the paper says
 * @param rule how the verdict is computed, in words
 * @param measured what this ensemble gave, the numbers the verdict rests on
 * @param verdict the outcome on the numbers as measured
 * @param robustness how the verdict fares when the numbers move within their errors; null until assessed
 */
public record Claim(String id, String paper, String rule, String measured, Verdict verdict, Robustness robustness) {

    /** A claim whose robustness is not assessed yet. */
    public Claim(String id, String paper, String rule, String measured, Verdict verdict) {
        this(id, paper, rule, measured, verdict, null);
    }

    public Claim withRobustness(Robustness r) {
        return new Claim(id, paper, rule, measured, verdict, r);
    }

    /** The verdict as shown: {@code "holds"}, or {@code "holds, within noise"} when the errors can change it. */
    public String verdictText() {
        return verdict.label() + (robustness != null && robustness.withinNoise() ? ", within noise" : "");
    }
}
