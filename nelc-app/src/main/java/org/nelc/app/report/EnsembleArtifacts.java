package org.nelc.app.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nelc.app.experiment.EnsembleResult;

/**
 * What the report made of one ensemble: its claim checks and figures (PNG bytes by file name, in display
 * order), and which models the Fig. 3 panels show.
 *
 * @param bestSeed the model with the highest precise LL (−1 when none)
 * @param worstSeed the model with the lowest precise LL (−1 when none)
 */
public record EnsembleArtifacts(EnsembleResult result, ClaimReport claims, Map<String, byte[]> figures, long bestSeed,
        long worstSeed) {
    public EnsembleArtifacts {
        figures = new LinkedHashMap<>(figures);
    }
}
