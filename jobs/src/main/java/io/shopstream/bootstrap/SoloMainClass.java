package io.shopstream.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class copied alone into a directory, to head a classpath of another library's versions (a server's JVM, an
 * isolated class loader): the rest of the bundle must not shadow that library's own classes (Kafka's, Pinot's). Such
 * a class uses the JDK and that library only.
 */
public final class SoloMainClass {

    private SoloMainClass() {}

    /** Copies {@code main}'s class file under {@code directory}, which becomes a classpath entry; returns it. */
    public static Path copy(Class<?> main, Path directory) throws IOException {
        Path target = directory.resolve(resource(main));
        Files.createDirectories(target.getParent());
        Files.write(target, classFile(main));
        return directory;
    }

    /** {@code type} defined afresh in a class loader atop {@code library}, so that it links to that library. */
    public static Class<?> load(Class<?> type, ClassLoader library) throws IOException {
        byte[] classFile = classFile(type);
        ClassLoader alone = new ClassLoader(type.getSimpleName(), library) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals(type.getName())) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, classFile, 0, classFile.length);
            }
        };
        try {
            return alone.loadClass(type.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(type.getName() + " is missing from the bundle", e);
        }
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource(type))) {
            if (in == null) {
                throw new IllegalStateException(resource(type) + " is missing from the bundle");
            }
            return in.readAllBytes();
        }
    }

    private static String resource(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }
}
