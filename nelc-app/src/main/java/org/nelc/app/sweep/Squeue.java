package org.nelc.app.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What Slurm says about a sweep's jobs: {@code squeue -h -r -j IDS -o %i|%T} (one line per array task),
 * counted by state. Empty when {@code squeue} is not installed or does not answer; a job that left the
 * queue (finished) is simply not listed.
 */
public final class Squeue {
    private Squeue() {
    }

    /** Array tasks by Slurm state ({@code PENDING}, {@code RUNNING}, …), or empty if squeue is unavailable. */
    public static Optional<Map<String, Integer>> states(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("squeue", "-h", "-r", "-j", String.join(",", jobIds), "-o", "%i|%T")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Map<String, Integer> counts = new TreeMap<>();
            if (p.exitValue() != 0) {
                // squeue refuses ids it no longer knows: every job has left the queue
                return out.contains("Invalid job id") ? Optional.of(counts) : Optional.empty();
            }
            for (String line : out.split("\n")) {
                String[] f = line.trim().split("\\|");
                if (f.length == 2) {
                    counts.merge(f[1], 1, Integer::sum);
                }
            }
            return Optional.of(counts);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
