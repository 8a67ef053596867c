package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real thing, not a mock: {@code scripts/slurm-test.sh} installs Debian's slurm-wlm and munge, starts a
 * one-node cluster on this machine, submits a 4-cell sweep with {@code nelc sweep slurm --submit}, and checks
 * its parameters against the same sweep run locally, bit for bit (about 30–60 s). Skipped — not failed — when
 * not root, when apt-get is missing, or when the packages cannot be installed (the script exits 77 then), and
 * when {@code NELC_SLURM_TEST=skip}. The script runs nelc from this test's class path.
 */
class SlurmRoundTripTest {
    private static final int SKIPPED = 77;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aSweepSubmittedToARealSlurmClusterGivesTheSameBitsAsALocalRun() throws Exception {
        Assumptions.assumeFalse("skip".equals(System.getenv("NELC_SLURM_TEST")), "NELC_SLURM_TEST=skip");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root: it installs slurm-wlm and munge and starts their daemons");
        Assumptions.assumeTrue(onPath("apt-get") || onPath("slurmctld"),
                "neither apt-get nor an installed Slurm: cannot build a cluster here");
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.isRegularFile(repo.resolve("scripts/slurm-test.sh"))) {
            repo = repo.getParent();
        }
        Assumptions.assumeTrue(repo != null, "scripts/slurm-test.sh not found above " + Path.of("").toAbsolutePath());
        List<String> nelc = SweepProcessesTest.nelc();
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("scripts/slurm-test.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("NELC_CMD", String.join(" ", nelc));
        long start = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(14, TimeUnit.MINUTES), out);
        System.out.printf("slurm-test.sh: %.1f s%n%s", (System.nanoTime() - start) * 1e-9, out);
        Assumptions.assumeFalse(p.exitValue() == SKIPPED, () -> "slurm-test.sh skipped: " + out.lines()
                .filter(l -> l.contains("SKIPPED")).findFirst().orElse(out));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("PASSED: 4 cells, parameters bit-identical"), out);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
