package io.shopstream.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A runtime classpath carried inside the bundle jar (see {@code jobs/runtimes}): the jars listed in
 * {@code META-INF/shopstream/runtimes/NAME.classpath}. When they sit in a directory (a Maven build's
 * {@code target/classes}) they are used where they are; inside a jar they are extracted once into a cache directory
 * named after a digest of the index, so a rebuilt jar with the same dependencies reuses the cache.
 *
 * <p>Depends on the JDK only: the bootstrap uses it before any other library is on the classpath.
 */
public final class NestedRuntime {

    private static final String ROOT = "META-INF/shopstream/runtimes/";

    private final String name;
    private final ClassLoader resources;

    private NestedRuntime(String name, ClassLoader resources) {
        this.name = name;
        this.resources = resources;
    }

    public static NestedRuntime named(String name, ClassLoader resources) {
        return new NestedRuntime(name, resources);
    }

    /** The runtime's jars as local files, extracting them first when they are inside a jar. */
    public List<Path> jars() {
        String index = readIndex();
        List<String> entries = new ArrayList<>();
        for (String entry : index.trim().split(":")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        URL first = resources.getResource(ROOT + entries.get(0));
        if (first == null) {
            throw new IllegalStateException("The " + name + " runtime index lists " + entries.get(0)
                    + " but the jar is missing: rebuild with `mvn -DskipTests package`.");
        }
        if ("file".equals(first.getProtocol())) {
            Path directory = toPath(first).getParent().getParent();
            return entries.stream().map(directory::resolve).toList();
        }
        Path target = cacheDirectory().resolve(name + "-" + digest(index));
        if (!isComplete(target, entries)) {
            extract(entries, target);
        }
        return entries.stream().map(target::resolve).toList();
    }

    /** Where extracted runtimes live: {@code $SHOPSTREAM_CACHE_DIR}, else {@code ~/.cache/shopstream}. */
    public static Path cacheDirectory() {
        String configured = System.getenv("SHOPSTREAM_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("shopstream");
    }

    private String indexResource() {
        return ROOT + name + ".classpath";
    }

    private String readIndex() {
        try (InputStream in = resources.getResourceAsStream(indexResource())) {
            if (in == null) {
                throw new IllegalStateException("This build carries no " + name + " runtime (" + indexResource()
                        + " is missing): build the bundle with `mvn -DskipTests package`.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + indexResource(), e);
        }
    }

    private boolean isComplete(Path target, List<String> entries) {
        return Files.isDirectory(target) && entries.stream().allMatch(entry -> Files.isRegularFile(target.resolve(entry)));
    }

    private void extract(List<String> entries, Path target) {
        Path staging = target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            System.err.println("Unpacking the " + name + " runtime (" + entries.size() + " jars) into " + target
                    + " (once per build)...");
            for (String entry : entries) {
                Path file = staging.resolve(entry);
                Files.createDirectories(file.getParent());
                try (InputStream in = resources.getResourceAsStream(ROOT + entry)) {
                    if (in == null) {
                        throw new IllegalStateException("The bundle jar lacks " + ROOT + entry);
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.createDirectories(target.getParent());
            deleteRecursively(target);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                // Another process finished the same extraction first; its copy is as good as ours.
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the " + name + " runtime into " + target
                    + ": check free disk space, or set SHOPSTREAM_CACHE_DIR to a writable directory", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected resource URL " + url, e);
        }
    }
}
