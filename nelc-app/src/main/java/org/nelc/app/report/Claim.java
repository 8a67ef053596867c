package org.nelc.app.report;

/**
 * One claim of SPEC §9 checked on an ensemble.
 *
 * @param id short stable identifier ({@code three-regimes}, …)
 * @param paper what the paper says
 * @param rule how the verdict is computed, in words
 * @param measured what this ensemble gave, the numbers the verdict rests on
 * @param verdict the outcome
 */
public record Claim(String id, String paper, String rule, String measured, Verdict verdict) {
}
