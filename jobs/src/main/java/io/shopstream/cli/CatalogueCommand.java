package io.shopstream.cli;

import io.shopstream.generator.Catalogue;
import io.shopstream.generator.CatalogueExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "catalogue",
        description = {"Print the product catalogue the generator shops from, as CSV or as a MySQL/MariaDB script.",
                "The same size always gives the same products, so a database loaded from it matches the events."})
final class CatalogueCommand implements Callable<Integer> {

    enum Format { csv, sql }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this command's options and exit.")
    boolean help;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or sql (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--size", paramLabel = "N", defaultValue = "" + Catalogue.DEFAULT_SIZE,
            description = "Products (default: ${DEFAULT-VALUE}, as the generator's --catalogue-size).")
    int size;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (size < 1) {
            throw new InvalidInputException("--size must be at least 1");
        }
        Catalogue catalogue = Catalogue.ofSize(size);
        String text = format == Format.csv ? CatalogueExport.csv(catalogue) : CatalogueExport.sql(catalogue);
        if (output == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            Console.progress("Wrote " + size + " products to " + output);
        }
        return ExitCodes.OK;
    }
}
