package io.shopstream.benchmark;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What {@code bench} runs over the preloaded events, in this order. */
public enum Contender {
    /** Every source record read and parsed as the pipelines read it, then discarded: the most any job can do. */
    CEILING,
    /** The shipped pipelines as {@code run} submits them: one exactly-once job each. */
    SHIPPED,
    /** The shipped pipelines planned together as one job, which reads and parses every record once. */
    SHIPPED_ONE_JOB,
    /** The same metrics written the obvious way (bench_naive). */
    NAIVE;

    /** The name in reports and on the command line: {@code shipped_one_job}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Contender> ofLabel(String label) {
        return Arrays.stream(values()).filter(contender -> contender.label().equals(label)).findFirst();
    }
}
