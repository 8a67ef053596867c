package org.nelc.analysis.cycles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cycle of the dominant-successor map.
 *
 * @param states the states in the order the dynamics visits them, starting from the smallest index
 * @param classes the class assigned to each state (docs/model.md §7 rule), {@code -1} when unknown
 * @param flux the net flux: the smallest net current {@code J_{z,s(z)} − J_{s(z),z}} over the cycle's
 *     steps {@code z → s(z)} — the current the whole cycle carries (its bottleneck), in probability per
 *     double step. Positive for a true circulating current; {@code ≤ 0} when some dominant step runs
 *     against the net current (always so for a 2-cycle, whose two currents are opposite)
 * @param minTransition the smallest transition probability {@code M_{z,s(z)}} along the cycle
 */
public record Cycle(int[] states, int[] classes, double flux, double minTransition) {
    public int length() {
        return states.length;
    }

    /** As a map of JSON-friendly values, for diagnostic results. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("states", states.clone());
        m.put("classes", classes.clone());
        m.put("flux", flux);
        m.put("minTransition", minTransition);
        return m;
    }
}
