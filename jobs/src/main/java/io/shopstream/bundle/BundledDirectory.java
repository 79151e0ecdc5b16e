package io.shopstream.bundle;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A folder of the repository copied into the jar at build time ({@code shopstream/<name>/}), read in place. */
public final class BundledDirectory {

    private static final String ROOT = "shopstream/";

    private BundledDirectory() {}

    /** The bundled copy of folder {@code name} as a path, inside the jar when running from it, if the build has one. */
    public static Optional<Path> find(String name) {
        URL found = BundledDirectory.class.getClassLoader().getResource(ROOT + name);
        if (found == null) {
            return Optional.empty();
        }
        try {
            URI uri = found.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return Optional.of(jar.getPath("/" + ROOT + name));
            }
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new BundleException("cannot open the " + name + " folder bundled in the jar: " + e.getMessage());
        }
    }
}
