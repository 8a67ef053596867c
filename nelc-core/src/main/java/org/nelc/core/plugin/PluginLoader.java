package org.nelc.core.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nelc.api.Named;
import org.nelc.api.PluginAware;
import org.nelc.core.plugin.PluginCatalog.Kind;

/**
 * Finds plugins the way {@link java.util.ServiceLoader} does on a class path (every
 * {@code META-INF/services/<SPI>} file lists provider classes with a public no-argument constructor),
 * but one provider at a time, so that a broken jar or provider becomes a {@link BrokenPlugin} naming
 * the jar, the class and the reason instead of an exception that takes the program down.
 *
 * <p>Precedence: the application's own class path (the built-ins) first, then the plugin jars in the
 * order given; the first provider of a name keeps it and a later one of the same kind is reported as
 * broken. A plugin jar that holds a class another plugin jar holds with different bytes (two versions
 * of one class) is skipped whole: which copy a class loader picks would otherwise depend on file names.
 * A jar that is not a readable zip file is skipped and reported. A plugin that implements
 * {@link PluginAware} receives the catalog once, after every plugin is loaded.
 */
public final class PluginLoader {
    /** Lower-case letters, digits and dashes, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final ClassLoader parent;
    private final List<Path> jars;
    private final List<BrokenPlugin> broken = new ArrayList<>();

    private PluginLoader(ClassLoader parent, List<Path> jars) {
        this.parent = parent;
        this.jars = jars;
    }

    /** Every plugin visible to {@code loader} (its class path), nothing added. */
    public static PluginCatalog discover(ClassLoader loader) {
        return load(loader, List.of());
    }

    /**
     * Every plugin of {@code parent}'s class path and of the given jars (checked, then loaded by one
     * class loader on top of {@code parent}, so that one plugin jar may use another's classes).
     */
    public static PluginCatalog load(ClassLoader parent, List<Path> jars) {
        return new PluginLoader(parent, jars).run();
    }

    private PluginCatalog run() {
        List<Path> usable = usableJars();
        ClassLoader loader = parent;
        if (!usable.isEmpty()) {
            URL[] urls = new URL[usable.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = usable.get(i).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            loader = new URLClassLoader("nelc-plugins", urls, parent);
        }
        Map<Kind, Map<String, Named>> byKind = new EnumMap<>(Kind.class);
        Map<Named, String> origins = new IdentityHashMap<>();
        for (Kind kind : Kind.values()) {
            Map<String, Named> named = new LinkedHashMap<>();
            for (ServiceFile file : serviceFiles(kind, loader, usable)) {
                for (String className : file.classNames) {
                    Named p = instantiate(kind, className, file.jar, loader);
                    if (p == null) {
                        continue;
                    }
                    String name = p.name();
                    Named old = named.get(name);
                    if (old != null) {
                        if (old.getClass() != p.getClass()) {
                            broken.add(BrokenPlugin.plugin(file.jar, kind, className, "the " + kind.label()
                                    + " name '" + name + "' is already taken by " + old.getClass().getName() + " ("
                                    + origins.get(old) + ")").named(name));
                        }
                        continue;
                    }
                    named.put(name, p);
                    origins.put(p, file.jar);
                }
            }
            byKind.put(kind, named);
        }
        // plugins that build on others get the lookup once, before any use; one that throws is broken
        PluginCatalog all = new PluginCatalog(byKind, origins, broken, loader);
        for (Kind kind : Kind.values()) {
            for (var it = byKind.get(kind).values().iterator(); it.hasNext();) {
                Named p = it.next();
                if (p instanceof PluginAware aware) {
                    try {
                        aware.plugins(all);
                    } catch (RuntimeException | LinkageError e) {
                        broken.add(BrokenPlugin.plugin(origins.get(p), kind, p.getClass().getName(),
                                "its plugins(lookup) threw " + oneLine(e), e).named(p.name()));
                        it.remove();
                    }
                }
            }
        }
        return new PluginCatalog(byKind, origins, broken, loader);
    }

    /** The given jars that can be used: readable zip files that do not disagree on a class. */
    private List<Path> usableJars() {
        List<Path> usable = new ArrayList<>();
        Map<String, byte[]> classBytes = new HashMap<>();
        Map<String, Path> classJar = new HashMap<>();
        for (Path jar : jars) {
            String label = jar.toString();
            if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
                broken.add(BrokenPlugin.jar(label, Files.exists(jar)
                        ? "cannot be read (not a readable regular file); skipped"
                        : "cannot be read (it does not exist: a dangling link?); skipped"));
                continue;
            }
            Map<String, byte[]> mine = new HashMap<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (!e.isDirectory() && e.getName().endsWith(".class")) {
                        try (InputStream in = zip.getInputStream(e)) {
                            mine.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            } catch (ZipException e) {
                broken.add(BrokenPlugin.jar(label, "not a jar (zip) file (" + e.getMessage()
                        + "); skipped", e));
                continue;
            } catch (IOException | SecurityException e) {
                broken.add(BrokenPlugin.jar(label, "cannot be read (" + e + "); skipped", e));
                continue;
            }
            String clash = null;
            for (var e : mine.entrySet()) {
                byte[] other = classBytes.get(e.getKey());
                if (other != null && !Arrays.equals(other, e.getValue())) {
                    clash = e.getKey();
                    break;
                }
            }
            if (clash != null) {
                String className = clash.substring(0, clash.length() - ".class".length()).replace('/', '.');
                broken.add(BrokenPlugin.jar(label, "holds a different version of " + className
                        + " than " + classJar.get(clash) + " (two versions of one class); skipped"));
                continue;
            }
            for (var e : mine.entrySet()) {
                classBytes.putIfAbsent(e.getKey(), e.getValue());
                classJar.putIfAbsent(e.getKey(), jar);
            }
            usable.add(jar);
        }
        return usable;
    }

    private record ServiceFile(String jar, List<String> classNames) {
    }

    /** Every {@code META-INF/services/<SPI>} file of {@code kind}: the class path's, then each jar's. */
    private List<ServiceFile> serviceFiles(Kind kind, ClassLoader loader, List<Path> usable) {
        String resource = "META-INF/services/" + kind.spi().getName();
        List<ServiceFile> files = new ArrayList<>();
        try {
            Enumeration<URL> urls = parent.getResources(resource);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                String jar = originOf(url);
                try (InputStream in = url.openStream()) {
                    files.add(new ServiceFile(jar, classNames(in)));
                } catch (IOException e) {
                    broken.add(BrokenPlugin.jar(jar, "cannot read " + resource + " (" + e + ")"));
                }
            }
        } catch (IOException e) {
            broken.add(BrokenPlugin.jar("class path", "cannot list " + resource + " (" + e + ")"));
        }
        for (Path jar : usable) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry e = zip.getEntry(resource);
                if (e != null) {
                    try (InputStream in = zip.getInputStream(e)) {
                        files.add(new ServiceFile(jar.toString(), classNames(in)));
                    }
                }
            } catch (IOException e) {
                broken.add(BrokenPlugin.jar(jar.toString(), "cannot read " + resource + " (" + e
                        + ")"));
            }
        }
        return files;
    }

    /** The provider names of a service file: one per line, {@code #} starts a comment (as ServiceLoader). */
    private static List<String> classNames(InputStream in) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * Loads, checks and instantiates one provider; {@code null} (and a {@link BrokenPlugin}) when it
     * cannot be used.
     */
    private Named instantiate(Kind kind, String className, String jar, ClassLoader loader) {
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "class not found (listed in META-INF/services/"
                    + kind.spi().getName() + ")", e));
            return null;
        } catch (LinkageError e) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "cannot be loaded (" + oneLine(e) + ")", e));
            return null;
        }
        if (!kind.spi().isAssignableFrom(c)) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "is not an implementation of "
                    + kind.spi().getName()));
            return null;
        }
        if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers())) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "is not a public concrete class"));
            return null;
        }
        Named p;
        try {
            Constructor<?> k = c.getConstructor();
            p = kind.spi().cast(k.newInstance());
        } catch (NoSuchMethodException e) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "has no public no-argument constructor"));
            return null;
        } catch (InvocationTargetException e) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "its constructor threw " + oneLine(e.getCause()),
                    e.getCause()));
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "cannot be created (" + oneLine(e) + ")", e));
            return null;
        }
        String name;
        try {
            name = p.name();
        } catch (RuntimeException | LinkageError e) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "its name() threw " + oneLine(e), e));
            return null;
        }
        if (name == null || !NAME.matcher(name).matches()) {
            broken.add(BrokenPlugin.plugin(jar, kind, className, "invalid name "
                    + (name == null ? "null" : "'" + name + "'")
                    + " (a name is lower-case letters, digits and dashes, e.g. my-optimizer)").named(name));
            return null;
        }
        return p;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        String s = t.getClass().getName() + (m == null ? "" : ": " + m);
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    /** The jar file name (or class directory) a class-path resource comes from. */
    static String originOf(URL url) {
        try {
            if ("jar".equals(url.getProtocol())) {
                URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
                return fileName(Path.of(jar.toURI()));
            }
            if ("file".equals(url.getProtocol())) {
                // .../classes/META-INF/services/X: the class directory
                Path p = Path.of(url.toURI()).getParent().getParent().getParent();
                return fileName(p);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // fall through: the URL itself still names the place
        }
        return url.toString();
    }

    /** Where a loaded class came from: its jar's file name or class directory. */
    static String originOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "?";
        }
        try {
            return fileName(Path.of(cs.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return cs.getLocation().toString();
        }
    }

    private static String fileName(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
