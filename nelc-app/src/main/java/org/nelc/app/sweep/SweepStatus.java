package org.nelc.app.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of every cell, read from its files: {@code done} (the marker exists), {@code failed} (the
 * {@code failed} record exists), {@code running} (a live claim), {@code interrupted} (a stale claim: its
 * process was killed; the next run takes it over) or {@code pending} (nothing yet).
 */
public final class SweepStatus {
    public enum State { DONE, FAILED, RUNNING, INTERRUPTED, PENDING }

    /** One cell's state; {@code detail} is the failure message or the claim's holder. */
    public record CellState(Manifest.Cell cell, State state, String detail) {
    }

    private SweepStatus() {
    }

    public static List<CellState> read(SweepDir sweep, Manifest manifest) {
        List<CellState> out = new ArrayList<>();
        for (Manifest.Cell cell : manifest.cells()) {
            out.add(of(sweep.cell(cell), cell));
        }
        return out;
    }

    static CellState of(CellFiles files, Manifest.Cell cell) {
        if (files.isDone()) {
            return new CellState(cell, State.DONE, "");
        }
        if (files.isFailed()) {
            return new CellState(cell, State.FAILED, failureMessage(files));
        }
        Optional<CellLock.Found> claim = CellLock.inspect(files.claim());
        if (claim.isPresent()) {
            CellLock.Found f = claim.get();
            return new CellState(cell, f.live() ? State.RUNNING : State.INTERRUPTED,
                    f.info().describe() + " (" + f.why() + ")");
        }
        return new CellState(cell, State.PENDING, "");
    }

    static String failureMessage(CellFiles files) {
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(files.failed()));
            return n.path("message").asText("?");
        } catch (IOException e) {
            return "(unreadable failure record: " + e.getMessage() + ")";
        }
    }

    public static Map<State, Integer> counts(List<CellState> states) {
        Map<State, Integer> m = new EnumMap<>(State.class);
        for (State s : State.values()) {
            m.put(s, 0);
        }
        for (CellState c : states) {
            m.merge(c.state(), 1, Integer::sum);
        }
        return m;
    }
}
