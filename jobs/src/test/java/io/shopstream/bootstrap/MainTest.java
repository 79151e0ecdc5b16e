package io.shopstream.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theLauncherJvmCollectsForThroughputByDefault() {
        assertThat(Main.collectorUnlessChosen(List.of())).containsExactly("-XX:+UseParallelGC");
        assertThat(Main.collectorUnlessChosen(List.of("-Xmx4g", "-XX:+UseCompressedOops", "-XX:-UseGCOverheadLimit")))
                .containsExactly("-XX:+UseParallelGC");
    }

    @Test
    void aCollectorTheUserNamesIsTheOnlyOne() {
        for (String chosen : List.of("-XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseSerialGC", "-XX:+UseParallelGC",
                "-XX:+UseShenandoahGC")) {
            assertThat(Main.collectorUnlessChosen(List.of("-Xmx4g", chosen))).as(chosen).isEmpty();
        }
    }
}
