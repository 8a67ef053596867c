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
        Optional<CellLock> a = CellLock.acquire(f);
        assertTrue(a.isPresent());
        assertTrue(CellLock.acquire(f).isEmpty(), "held by a live process (this one)");
        CellLock.Found found = CellLock.inspect(f).orElseThrow();
        assertTrue(found.live());
        assertEquals(ProcessHandle.current().pid(), found.info().pid());
        a.get().release();
        assertFalse(Files.exists(f));
        CellLock b = CellLock.acquire(f).orElseThrow();
        b.release();
    }

    @Test
    void manyThreadsRacingGetOneClaim() throws Exception {
        Path f = dir.resolve("claim");
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<CellLock>>> fs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            fs.add(pool.submit(() -> {
                go.await();
                return CellLock.acquire(f);
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Optional<CellLock>> x : fs) {
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
        CellLock.Found found = CellLock.inspect(f).orElseThrow();
        assertFalse(found.live(), found.why());
        CellLock c = CellLock.acquire(f).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), CellLock.inspect(f).orElseThrow().info().pid());
        c.release();
    }

    @Test
    void aReusedPidDoesNotKeepAClaimAlive() throws Exception {
        Path f = dir.resolve("claim");
        Files.writeString(f, "host=" + Hosts.local() + "\npid=" + ProcessHandle.current().pid()
                + "\npidStart=1970-01-01T00:00:00Z\nnonce=old\ncreated=x\nslurmJob=\n");
        assertFalse(CellLock.inspect(f).orElseThrow().live());
    }

    @Test
    void aClaimFromAnotherHostIsLiveUntilItsHeartbeatStops() throws Exception {
        Path f = dir.resolve("claim");
        Files.writeString(f, "host=elsewhere-node-17\npid=1\npidStart=\nnonce=n\ncreated=x\nslurmJob=42_3\n");
        assertTrue(CellLock.inspect(f).orElseThrow().live());
        assertTrue(CellLock.acquire(f).isEmpty());
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(CellLock.STALE_AFTER).minusSeconds(5)));
        assertFalse(CellLock.inspect(f).orElseThrow().live());
        CellLock c = CellLock.acquire(f).orElseThrow();
        c.release();
    }

    @Test
    void anEmptyClaimIsLiveWhileYoung() throws Exception {
        Path f = dir.resolve("claim");
        Files.createFile(f);
        assertTrue(CellLock.inspect(f).orElseThrow().live(), "being written");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(CellLock.STALE_AFTER).minusSeconds(5)));
        assertTrue(CellLock.acquire(f).isPresent());
    }

    @Test
    void releaseLeavesSomeoneElsesClaimAlone() throws Exception {
        Path f = dir.resolve("claim");
        CellLock mine = CellLock.acquire(f).orElseThrow();
        Files.delete(f);
        Files.writeString(f, "host=other\npid=1\npidStart=\nnonce=theirs\ncreated=x\nslurmJob=\n");
        mine.release();
        assertTrue(Files.exists(f));
    }
}
