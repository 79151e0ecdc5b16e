package io.shopstream.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where an embedded stack keeps its data (broker logs, topics): a fresh directory, removed when the stack stops. */
public final class WorkDirectory {

    private WorkDirectory() {}

    /** A new, empty directory under the system's temporary directory, named {@code shopstream-<purpose>-...}. */
    public static Path temporary(String purpose) {
        try {
            return Files.createTempDirectory("shopstream-" + purpose + "-");
        } catch (IOException e) {
            throw new LocalStackException("could not create a temporary directory: " + e.getMessage(), e);
        }
    }

    /** {@code directory} created if missing; refused when it holds anything, since a stack starts from nothing. */
    public static Path empty(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new LocalStackException(directory + " is not empty: choose an empty or new data directory,"
                            + " or remove what is in it");
                }
            }
            return directory;
        } catch (IOException e) {
            throw new LocalStackException("could not create " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Removes {@code directory} and all in it, as far as it can: leftovers in a temporary place are harmless. */
    public static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Already gone, or partly: nothing left to do about it.
        }
    }
}
