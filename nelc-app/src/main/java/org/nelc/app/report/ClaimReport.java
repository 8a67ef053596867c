package org.nelc.app.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims of SPEC §9 checked on one ensemble, with what they were computed from.
 *
 * @param claims in the order of SPEC §9
 * @param regimes the clustering of (LL, σ), or null with fewer than 3 distinct models
 * @param regimeBySeed each model's regime (0 = (i), 1 = (ii), 2 = (iii)); empty without regimes
 * @param highSigmaSeeds the models the "high-σ runs" claims are about
 * @param highSigmaRule how that set was chosen
 */
public record ClaimReport(List<Claim> claims, Regimes regimes, Map<Long, Integer> regimeBySeed,
        Set<Long> highSigmaSeeds, String highSigmaRule) {
    public ClaimReport {
        claims = List.copyOf(claims);
        regimeBySeed = Map.copyOf(regimeBySeed);
        highSigmaSeeds = Set.copyOf(highSigmaSeeds);
    }

    /** The same report with these claims (e.g. with their robustness). */
    public ClaimReport withClaims(List<Claim> newClaims) {
        return new ClaimReport(newClaims, regimes, regimeBySeed, highSigmaSeeds, highSigmaRule);
    }

    public Claim claim(String id) {
        for (Claim c : claims) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no claim " + id);
    }
}
