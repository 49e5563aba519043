package org.coex.accel.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where templates from outside coex come from: the jars in the plugin folders, loaded by a class
 * loader of their own. The folders, in order: those in {@code COEX_PLUGINS} (or the system property
 * {@code coex.plugins}; separated by the platform's path separator; a jar may be named directly),
 * then {@code ~/.coex/plugins} and {@code ./plugins}. Folders that do not exist are skipped.
 */
public final class Plugins {
    private static String cachedKey;
    private static ClassLoader cachedLoader;

    private Plugins() {}

    /** The plugin folders (and jars) looked at, existing or not. */
    public static List<Path> places() {
        List<Path> out = new ArrayList<>();
        String listed = System.getProperty("coex.plugins", System.getenv("COEX_PLUGINS"));
        if (listed != null) for (String p : listed.split(java.io.File.pathSeparator)) if (!p.isBlank()) out.add(Path.of(p.trim()));
        out.add(Path.of(System.getProperty("user.home"), ".coex", "plugins"));
        out.add(Path.of("plugins"));
        return out;
    }

    /** Every plugin jar found, in the order of {@link #places()}, each folder's jars sorted by name. */
    public static List<Path> jars() {
        List<Path> out = new ArrayList<>();
        for (Path p : places()) {
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) out.add(p.toAbsolutePath().normalize());
            if (!Files.isDirectory(p)) continue;
            try (Stream<Path> files = Files.list(p)) {
                files.filter(f -> f.toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().forEach(f -> out.add(f.toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A class loader over the plugin jars (the application's when there are none), made again only when the jars change. */
    static synchronized ClassLoader loader(ClassLoader parent) {
        List<Path> jars = jars();
        String key = jars.toString();
        if (!key.equals(cachedKey)) {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = jars.get(i).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            cachedLoader = urls.length == 0 ? parent : new URLClassLoader("coex-plugins", urls, parent);
            cachedKey = key;
        }
        return cachedLoader;
    }
}
