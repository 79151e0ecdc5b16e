package io.shopstream.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server's main class copied alone into a directory, to head the classpath of the server's JVM: the rest of the
 * bundle must not shadow the server's own classes (Kafka's, Pinot's). Such a class uses the JDK only.
 */
final class SoloMainClass {

    private SoloMainClass() {}

    /** Copies {@code main}'s class file under {@code directory}, which becomes a classpath entry; returns it. */
    static Path copy(Class<?> main, Path directory) throws IOException {
        String resource = main.getName().replace('.', '/') + ".class";
        Path target = directory.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = main.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle");
            }
            Files.write(target, in.readAllBytes());
        }
        return directory;
    }
}
