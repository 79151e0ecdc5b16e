package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command shares. */
final class CommonOptions {

    @Option(names = "--sql-dir", paramLabel = "DIR",
            description = "SQL bundle to use (default: ./sql when run inside the repository, else the SQL in the jar).")
    Path sqlDirectory;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this command's options and exit.")
    boolean help;

    @Option(names = {"-v", "--verbose"},
            description = "Log Flink's and Kafka's INFO lines (to stderr) and print stack traces of errors.")
    boolean verbose;

    SqlBundle bundle() {
        return SqlBundle.locate(Optional.ofNullable(sqlDirectory));
    }
}
