package io.shopstream.bootstrap;

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

    /** An option given unless a user's option matching {@code decidedBy} has decided the same thing. */
    private record Default(Pattern decidedBy, String option) {}

    private static final List<Default> DEFAULTS = List.of(
            new Default(Pattern.compile("-XX:\\+Use\\w*GC"), "-XX:+UseParallelGC"),
            new Default(Pattern.compile(
                    "-Xm[sx].+|-XX:(Initial|Max|Min)RAMPercentage=.*|-XX:(Initial|Max|Min)HeapSize=.*"),
                    "-XX:InitialRAMPercentage=25"));

    private LauncherJvmDefaults() {}

    /** The defaults that {@code userOptions} (JVM options, as the command line gives them) leave undecided. */
    static List<String> unlessChosen(List<String> userOptions) {
        return DEFAULTS.stream()
                .filter(candidate -> userOptions.stream()
                        .noneMatch(option -> candidate.decidedBy().matcher(option).matches()))
                .map(Default::option)
                .toList();
    }
}
