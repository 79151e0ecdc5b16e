package io.shopstream.cli;

import io.shopstream.benchmark.BenchmarkReport;
import io.shopstream.benchmark.BenchmarkRun;
import io.shopstream.benchmark.Contender;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", sortOptions = false,
        description = {"Measures the pipelines' throughput and freshness on this machine: preloads generated events"
                + " into a broker of its own, then runs on the same data, one after another: the ceiling (every"
                + " source record read and parsed as the pipelines do, then discarded), the shipped pipelines (one"
                + " job each, exactly-once, as run submits them), the same planned as one job, and a naive build of"
                + " the same metrics (README: Performance). Prints events/s, CPU seconds per million events and peak"
                + " heap of each, then runs the shipped pipelines live and prints how soon after a window's end its"
                + " result is readable (p50, p99). Progress goes to stderr."})
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

    @Option(names = "--only", paramLabel = "CONTENDER", split = ",",
            description = "Run only these contenders: ceiling, shipped, shipped_one_job, naive (default: all;"
                    + " ratios need the contenders they compare).")
    List<String> only;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Runs of each contender, in turns (all of them once, then again), on the same preload;"
                    + " the median run of each is reported, the JSON lists every run (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--live-rate", paramLabel = "EVENTS_PER_S", defaultValue = "2000",
            description = "Events/s of the freshness phase (default: ${DEFAULT-VALUE}).")
    double liveRate;

    @Option(names = "--live", paramLabel = "DURATION", defaultValue = "150s", converter = DurationConverter.class,
            description = "How long the freshness phase produces live events (default: ${DEFAULT-VALUE}; 0s skips"
                    + " it). Each minute closes one window per windowed pipeline: one sample each.")
    Duration live;

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
        Set<Contender> contenders = EnumSet.allOf(Contender.class);
        if (only != null) {
            contenders.clear();
            for (String label : only) {
                contenders.add(Contender.ofLabel(label).orElseThrow(() -> new InvalidInputException(
                        "--only: no contender '" + label + "': ceiling, shipped, shipped_one_job or naive")));
            }
        }
        if (repeat < 1) {
            throw new InvalidInputException("--repeat must be at least 1");
        }
        if (!(liveRate > 0)) {
            throw new InvalidInputException("--live-rate must be a positive number of events per second");
        }
        if (live.isNegative()) {
            throw new InvalidInputException("--live must not be negative");
        }
        BenchmarkReport report = new BenchmarkRun(common.bundle(), events, partitions, seed, contenders, repeat,
                new BenchmarkRun.LivePhase(liveRate, live), Console::progress).run();
        System.out.println(json ? report.json() : report.table());
        return ExitCodes.OK;
    }
}
