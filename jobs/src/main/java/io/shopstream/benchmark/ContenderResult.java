package io.shopstream.benchmark;

/**
 * One contender's run over the preloaded events: how long it took to read them all and commit its last result, and
 * what it cost.
 *
 * @param name ceiling, shipped or naive
 * @param jobs how many Flink jobs it ran
 */
record ContenderResult(String name, int jobs, long events, double seconds, double cpuSeconds, long peakHeapMegabytes) {

    double eventsPerSecond() {
        return events / seconds;
    }

    double cpuSecondsPerMillionEvents() {
        return cpuSeconds * 1_000_000.0 / events;
    }
}
