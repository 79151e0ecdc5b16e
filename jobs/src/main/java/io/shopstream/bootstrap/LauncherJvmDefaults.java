package io.shopstream.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The memory options of the launcher's JVM, which hosts the embedded Flink cluster of {@code local}, {@code run},
 * {@code try} and {@code bench}, each given unless the user's own JVM options already decide it: a second collector
 * makes the JVM refuse to start, and a heap size the user chose is theirs.
 *
 * <p>Measured with {@code bench} (README, Performance), against the JVM's defaults:
 *
 * <ul>
 *   <li>The parallel collector: the heap state backend keeps every open window and session in long-lived objects
 *       that the pipelines replace all the time, which G1's write barriers and remembered sets make dear.
 *   <li>The whole heap from the start, as Flink's scripts start a TaskManager ({@code -Xms} equal to {@code -Xmx}):
 *       a heap the collector grows from a sixty-fourth of the memory keeps an old generation so small that what the
 *       young collections promote fills it every few seconds, and each full collection stops the pipelines for
 *       about a second. 25% is the JVM's default maximum.
 * </ul>
 *
 * <p>Depends on the JDK only.
 */
final class LauncherJvmDefaults {

    private static final String THROUGHPUT_COLLECTOR = "-XX:+UseParallelGC";
    private static final String WHOLE_HEAP_FROM_THE_START = "-XX:InitialRAMPercentage=25";

    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w*GC");
    private static final Pattern HEAP_SIZE =
            Pattern.compile("-Xm[sx].+|-XX:(Initial|Max|Min)RAMPercentage=.*|-XX:(Initial|Max|Min)HeapSize=.*");

    private LauncherJvmDefaults() {}

    /** The defaults that {@code userOptions} (JVM options, as the command line gives them) leave undecided. */
    static List<String> unlessChosen(List<String> userOptions) {
        List<String> defaults = new ArrayList<>();
        if (userOptions.stream().noneMatch(option -> COLLECTOR.matcher(option).matches())) {
            defaults.add(THROUGHPUT_COLLECTOR);
        }
        if (userOptions.stream().noneMatch(option -> HEAP_SIZE.matcher(option).matches())) {
            defaults.add(WHOLE_HEAP_FROM_THE_START);
        }
        return defaults;
    }
}
