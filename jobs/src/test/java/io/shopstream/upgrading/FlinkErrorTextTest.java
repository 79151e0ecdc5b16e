package io.shopstream.upgrading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlinkErrorTextTest {

    @Test
    void theInnermostCauseWithoutItsTypeAndFrames() {
        String trace = "org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.\n"
                + "\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$1(JarRunHandler"
                + ".java:114)\n"
                + "Caused by: java.util.concurrent.CompletionException: wrapped\n"
                + "\tat java.base/java.util.concurrent.CompletableFuture.encodeThrowable(CompletableFuture.java:315)\n"
                + "Caused by: io.shopstream.cli.CommandFailedException: shopstream run x failed (exit code 1): one\n"
                + "two\n"
                + "\tat io.shopstream.cli.Launcher.runInsideFlink(Launcher.java:60)\n"
                + "\t... 12 more\n";

        assertThat(FlinkErrorText.innermostCause(trace))
                .isEqualTo("shopstream run x failed (exit code 1): one\ntwo");
    }

    @Test
    void otherCausesKeepTheirSimpleName() {
        assertThat(FlinkErrorText.innermostCause("org.apache.flink.util.FlinkException: outer\n\tat a.b(C.java:1)\n"
                + "Caused by: java.lang.ClassNotFoundException: io.shopstream.bootstrap.Main\n\tat d.e(F.java:2)"))
                .isEqualTo("ClassNotFoundException: io.shopstream.bootstrap.Main");
    }

    @Test
    void aCauseWithoutMessageKeepsItsSimpleName() {
        assertThat(FlinkErrorText.innermostCause("java.lang.RuntimeException: outer\n\tat a.b(C.java:1)\n"
                + "Caused by: java.util.concurrent.TimeoutException\n\tat d.e(F.java:2)"))
                .isEqualTo("TimeoutException");
    }

    @Test
    void plainTextStaysAsItIs() {
        assertThat(FlinkErrorText.innermostCause("Job could not be found.")).isEqualTo("Job could not be found.");
    }
}
