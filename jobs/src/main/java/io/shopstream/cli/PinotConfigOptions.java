package io.shopstream.cli;

import io.shopstream.pinot.PinotTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the Pinot table configs come from. */
final class PinotConfigOptions {

    @Option(names = "--pinot-dir", paramLabel = "DIR",
            description = "The Pinot table configs, one folder per table (default: ./pinot-schemas in the repository,"
                    + " else the copy in the jar).")
    Path pinotDirectory;

    List<PinotTable> tables() {
        return PinotTable.loadAll(PinotTable.locate(Optional.ofNullable(pinotDirectory)));
    }
}
