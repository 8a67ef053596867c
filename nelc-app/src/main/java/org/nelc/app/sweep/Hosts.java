package org.nelc.app.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's host name, as claims record it (the kernel's, without a DNS look-up). */
final class Hosts {
    private static final String LOCAL = find();

    private Hosts() {
    }

    static String local() {
        return LOCAL;
    }

    /** {@code ARRAYJOB_TASK} inside a Slurm array task, the job id inside another Slurm job, else empty. */
    static String slurmTask() {
        String job = System.getenv("SLURM_JOB_ID");
        String task = System.getenv("SLURM_ARRAY_TASK_ID");
        String arrayJob = System.getenv("SLURM_ARRAY_JOB_ID");
        return job == null ? "" : arrayJob != null && task != null ? arrayJob + "_" + task : job;
    }

    private static String find() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
