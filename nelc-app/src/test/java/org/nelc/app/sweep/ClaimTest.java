package org.nelc.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimTest {
    @TempDir
    Path dir;

    @Test
    void oneClaimAtATimeAndReleaseFreesIt() {
        Path f = dir.resolve("cell/claim");
        Optional<Claim> a = Claim.acquire(f);
        assertTrue(a.isPresent());
        assertTrue(Claim.acquire(f).isEmpty(), "held by a live process (this one)");
        Claim.Found found = Claim.inspect(f).orElseThrow();
        assertTrue(found.live());
        assertEquals(ProcessHandle.current().pid(), found.info().pid());
        a.get().release();
        assertFalse(Files.exists(f));
        Claim b = Claim.acquire(f).orElseThrow();
        b.release();
    }

    @Test
    void manyThreadsRacingGetOneClaim() throws Exception {
        Path f = dir.resolve("claim");
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Claim>>> fs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            fs.add(pool.submit(() -> {
                go.await();
                return Claim.acquire(f);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Optional<Claim>> x : fs) {
            won += x.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won);
        try (var s = Files.list(dir)) {
            assertEquals(List.of("claim"), s.map(p -> p.getFileName().toString()).toList(), "no temporary files");
        }
    }

    @Test
    void aClaimOfADeadLocalProcessIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Path f = dir.resolve("claim");
        Files.writeString(f, "host=" + Hosts.local() + "\npid=" + dead + "\npidStart=\nnonce=old\ncreated=x\nslurmJob=\n");
        Claim.Found found = Claim.inspect(f).orElseThrow();
        assertFalse(found.live(), found.why());
        Claim c = Claim.acquire(f).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), Claim.inspect(f).orElseThrow().info().pid());
        c.release();
    }

    @Test
    void aReusedPidDoesNotKeepAClaimAlive() throws Exception {
        Path f = dir.resolve("claim");
        Files.writeString(f, "host=" + Hosts.local() + "\npid=" + ProcessHandle.current().pid()
                + "\npidStart=1970-01-01T00:00:00Z\nnonce=old\ncreated=x\nslurmJob=\n");
        assertFalse(Claim.inspect(f).orElseThrow().live());
    }

    @Test
    void aClaimFromAnotherHostIsLiveUntilItsHeartbeatStops() throws Exception {
        Path f = dir.resolve("claim");
        Files.writeString(f, "host=elsewhere-node-17\npid=1\npidStart=\nnonce=n\ncreated=x\nslurmJob=42_3\n");
        assertTrue(Claim.inspect(f).orElseThrow().live());
        assertTrue(Claim.acquire(f).isEmpty());
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Claim.STALE_AFTER).minusSeconds(5)));
        assertFalse(Claim.inspect(f).orElseThrow().live());
        Claim c = Claim.acquire(f).orElseThrow();
        c.release();
    }

    @Test
    void anEmptyClaimIsLiveWhileYoung() throws Exception {
        Path f = dir.resolve("claim");
        Files.createFile(f);
        assertTrue(Claim.inspect(f).orElseThrow().live(), "being written");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Claim.STALE_AFTER).minusSeconds(5)));
        assertTrue(Claim.acquire(f).isPresent());
    }

    @Test
    void releaseLeavesSomeoneElsesClaimAlone() throws Exception {
        Path f = dir.resolve("claim");
        Claim mine = Claim.acquire(f).orElseThrow();
        Files.delete(f);
        Files.writeString(f, "host=other\npid=1\npidStart=\nnonce=theirs\ncreated=x\nslurmJob=\n");
        mine.release();
        assertTrue(Files.exists(f));
    }
}
