package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactCheckCommandTest {
    private static final String[] SMALL = {"exact-check", "--dimension", "6", "--rows", "60", "--steps", "40",
        "--check-every", "20", "--probe-segments", "5", "--restarts", "0", "--chain-steps", "8", "--batch", "8"};

    private static String[] with(String... extra) {
        String[] all = new String[SMALL.length + extra.length];
        System.arraycopy(SMALL, 0, all, 0, SMALL.length);
        System.arraycopy(extra, 0, all, SMALL.length, extra.length);
        return all;
    }

    @Test
    void comparesTheTwoStepGradientWithTheExactOne() {
        CliHarness.Result r = CliHarness.run(with());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("gradient two-step") && r.out().contains("mean cosine"), r.out());
    }

    /** Any gradient plugin can be put to the same test; an unknown name lists the known ones. */
    @Test
    void unknownGradientIsNamed() {
        CliHarness.Result r = CliHarness.run(with("--gradient", "three-step"));
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("three-step") && r.err().contains("two-step"), r.err());
    }

    @Test
    void tooLargeSystemIsRefused() {
        CliHarness.Result r = CliHarness.run("exact-check", "--dimension", "30");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--dimension") && r.err().contains("30"), r.err());
    }
}
