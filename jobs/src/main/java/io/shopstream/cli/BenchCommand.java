package io.shopstream.cli;

import io.shopstream.benchmark.BenchmarkReport;
import io.shopstream.benchmark.BenchmarkRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", sortOptions = false,
        description = {"Measures the pipelines' catch-up throughput on this machine: preloads generated events into a"
                + " broker of its own, then runs on the same data, one after another: the ceiling (every source"
                + " record read and parsed as the pipelines do, then discarded), the shipped pipelines (one job each,"
                + " exactly-once) and a naive build of the same metrics (README: Performance). Prints events/s, CPU"
                + " seconds per million events and peak heap of each; progress goes to stderr."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--events", paramLabel = "N", defaultValue = "5000000",
            description = "Events to preload (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4",
            description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261123",
            description = "Seed of the generated events (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        if (events < 1) {
            throw new InvalidInputException("--events must be at least 1");
        }
        if (partitions < 1) {
            throw new InvalidInputException("--partitions must be at least 1");
        }
        BenchmarkReport report = new BenchmarkRun(common.bundle(), events, partitions, seed, Console::progress).run();
        System.out.println(json ? report.json() : report.table());
        return ExitCodes.OK;
    }
}
