package io.shopstream.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The repository's {@code sql/} and {@code pinot-schemas/} folders, copied where a test may break them, and edits made
 * to such copies.
 */
public final class RepositorySql {

    /** Tests run in the {@code jobs} module directory. */
    public static final Path DIRECTORY = Path.of("..", "sql").toAbsolutePath().normalize();
    public static final Path PINOT_SCHEMAS = Path.of("..", "pinot-schemas").toAbsolutePath().normalize();

    private RepositorySql() {}

    /** Copies the repository's {@code sql/} folder to {@code parent/sql} and returns the copy. */
    public static Path copyInto(Path parent) throws IOException {
        return copy(DIRECTORY, parent.resolve("sql"));
    }

    /** Copies the repository's {@code pinot-schemas/} folder to {@code parent/pinot-schemas} and returns the copy. */
    public static Path copyPinotSchemasInto(Path parent) throws IOException {
        return copy(PINOT_SCHEMAS, parent.resolve("pinot-schemas"));
    }

    private static Path copy(Path source, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** Replaces the one occurrence of {@code from} in a file by {@code to}; returns the file's new text. */
    public static String replaceOnce(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.indexOf(from)).as("'%s' in %s", from, file).isNotNegative();
        assertThat(text.indexOf(from)).as("'%s' once only in %s", from, file).isEqualTo(text.lastIndexOf(from));
        String edited = text.replace(from, to);
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        return edited;
    }

    /**
     * {@code line:column} (both 1-based) of an offset, counted here independently of the code under test, so an
     * expected position never relies on what it checks.
     */
    public static String lineAndColumn(String text, int offset) {
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int column = offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
        return line + ":" + column;
    }
}
