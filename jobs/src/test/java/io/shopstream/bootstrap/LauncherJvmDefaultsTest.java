package io.shopstream.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherJvmDefaultsTest {

    @Test
    void withoutOptionsOfItsOwnTheLauncherGetsTheParallelCollectorAndItsWholeHeap() {
        assertThat(LauncherJvmDefaults.unlessChosen(List.of()))
                .containsExactly("-XX:+UseParallelGC", "-XX:InitialRAMPercentage=25");
        assertThat(LauncherJvmDefaults.unlessChosen(
                        List.of("-Dlog4j2.configurationFile=x", "-XX:+UseCompressedOops", "-XX:-UseGCOverheadLimit")))
                .containsExactly("-XX:+UseParallelGC", "-XX:InitialRAMPercentage=25");
    }

    @Test
    void aCollectorTheUserNamesIsTheOnlyOne() {
        for (String chosen : List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseSerialGC", "-XX:+UseParallelGC",
                "-XX:+UseShenandoahGC")) {
            assertThat(LauncherJvmDefaults.unlessChosen(List.of(chosen))).as(chosen)
                    .containsExactly("-XX:InitialRAMPercentage=25");
        }
    }

    @Test
    void aHeapSizeTheUserSetsIsLeftAsItIs() {
        for (String chosen : List.of("-Xmx2g", "-Xms512m", "-XX:MaxRAMPercentage=50", "-XX:InitialRAMPercentage=10",
                "-XX:MinRAMPercentage=30", "-XX:MaxHeapSize=2147483648", "-XX:InitialHeapSize=1g")) {
            assertThat(LauncherJvmDefaults.unlessChosen(List.of(chosen))).as(chosen)
                    .containsExactly("-XX:+UseParallelGC");
        }
        assertThat(LauncherJvmDefaults.unlessChosen(List.of("-Xss2m"))).as("a thread's stack is not the heap")
                .containsExactly("-XX:+UseParallelGC", "-XX:InitialRAMPercentage=25");
    }
}
