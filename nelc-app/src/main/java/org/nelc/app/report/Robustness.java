package org.nelc.app.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one claim's verdict fares when every model's numbers are redrawn within their errors
 * ({@link ClaimRobustness}).
 *
 * @param draws how many redraws
 * @param counts how many redraws gave each verdict
 * @param withinNoise more than {@link ClaimRobustness#NOISE_FRACTION} of the redraws give another verdict
 *     than the measured one
 * @param heldFixed how many of the numbers the claims use had no standard error and were held fixed
 */
public record Robustness(int draws, Map<Verdict, Integer> counts, boolean withinNoise, int heldFixed) {
    public Robustness {
        counts = Map.copyOf(counts);
    }

    static Robustness of(Verdict measured, List<Verdict> redrawn, int heldFixed) {
        Map<Verdict, Integer> c = new EnumMap<>(Verdict.class);
        for (Verdict v : redrawn) {
            c.merge(v, 1, Integer::sum);
        }
        int other = redrawn.size() - c.getOrDefault(measured, 0);
        return new Robustness(redrawn.size(), c, other > ClaimRobustness.NOISE_FRACTION * redrawn.size(), heldFixed);
    }

    /** E.g. {@code "same verdict in 200 of 200 redraws"} or {@code "redraws: holds 120, partly 80 of 200"}. */
    public String text(Verdict measured) {
        if (draws == 0) {
            return "robustness not assessed";
        }
        String fixed = heldFixed == 0 ? "" : String.format(Locale.ROOT, " (%d numbers without an s.e. held fixed)",
                heldFixed);
        int same = counts.getOrDefault(measured, 0);
        if (same == draws) {
            return "same verdict in all " + draws + " redraws within the errors" + fixed;
        }
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            if (counts.getOrDefault(v, 0) > 0) {
                parts.add(v.label() + " " + counts.get(v));
            }
        }
        return (withinNoise ? "within noise: " : "robust: ") + "redraws within the errors give " + String.join(", ",
                parts) + " of " + draws + fixed;
    }
}
