package io.shopstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.testing.RepositorySql;
import io.shopstream.variables.Variables;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code tail}'s TOPIC argument on the repository's SQL: pipelines for their output topics, hints when missing. */
class TopicReferenceTest {

    private static final SqlBundle BUNDLE = SqlBundle.at(RepositorySql.DIRECTORY);
    private static final String BROKER = "127.0.0.1:9092";

    private static TopicReference resolve(String argument, String profile) {
        return TopicReference.resolve(argument, BUNDLE, Variables.of(BUNDLE.profile(profile), Map.of()));
    }

    private static TreeSet<String> topics(String... names) {
        return new TreeSet<>(List.of(names));
    }

    @Test
    void aPipelineNameStandsForTheOutputTopicOfItsLatestVersionUnderTheProfilesPrefix() {
        TopicReference local = resolve("active_users_1m", "local");
        TopicReference prod = resolve("active_users_1m", "prod");

        assertThat(local.topic()).isEqualTo("active_users_1m_v1");
        assertThat(local.pipeline()).contains(new PipelineId("active_users_1m", 1));
        assertThat(prod.topic()).isEqualTo("shop.active_users_1m_v1");
    }

    @Test
    void aVersionedReferenceOrTheOutputTopicsOwnNameNamesThePipelineToo() {
        assertThat(resolve("session_metrics.v3", "prod").topic()).isEqualTo("shop.session_metrics_v3");
        assertThat(resolve("shop.session_metrics_v3", "prod").pipeline())
                .contains(new PipelineId("session_metrics", 3));
    }

    @Test
    void deadLettersAndLateEventsNameTheSharedAccountingTopicsNotAPipelinesOutput() {
        assertThat(resolve("dead_letters", "local").topic()).isEqualTo("dead_letters");
        assertThat(resolve("dead_letters", "prod").topic()).isEqualTo("shop.dead_letters");
        assertThat(resolve("shop.late_events", "prod").topic()).isEqualTo("shop.late_events");
        assertThat(resolve("late_events", "prod").pipeline()).isEmpty();
        assertThat(resolve("dead_letters.v1", "prod").topic()).isEqualTo("shop.dead_letters");
    }

    @Test
    void anythingElseIsATopicName() {
        TopicReference reference = resolve("clickstream", "local");

        assertThat(reference.topic()).isEqualTo("clickstream");
        assertThat(reference.pipeline()).isEmpty();
    }

    @Test
    void aMissingTopicIsListedWithTheTopicsThere() {
        assertThat(resolve("clickstream", "local").notFound(BROKER, topics("page_view", "purchase")))
                .isEqualTo("topic clickstream does not exist on 127.0.0.1:9092. Topics there: page_view, purchase");
        assertThat(resolve("clickstream", "local").notFound(BROKER, topics()))
                .isEqualTo("topic clickstream does not exist on 127.0.0.1:9092. The broker has no topics.");
    }

    @Test
    void aLongListOfTopicsIsCutToTheOnesNearestTheName() {
        TreeSet<String> many = new TreeSet<>(IntStream.range(0, 42).mapToObj(i -> String.format("t%02d-x", i))
                .toList());
        many.add("zz-clickstraem");

        String message = resolve("clickstream", "local").notFound(BROKER, many);

        assertThat(message).startsWith("topic clickstream does not exist on 127.0.0.1:9092. The 30 of its 43 topics"
                + " nearest to that name: t00-x, t01-x, ");
        assertThat(message).endsWith(", t28-x, zz-clickstraem");
    }

    @Test
    void aPipelinesMissingTopicAsksWhetherThePipelineHasRun() {
        assertThat(resolve("session_metrics", "local").notFound(BROKER, topics("page_view")))
                .isEqualTo("topic session_metrics_v3 does not exist on 127.0.0.1:9092. It is the output of pipeline"
                        + " session_metrics.v3 with profile local: has session_metrics.v3 run against this broker?"
                        + " Topics there: page_view");
    }

    @Test
    void aPipelineNameWithoutItsVersionPointsAtTheVersionsOnTheBroker() {
        assertThat(resolve("checkout_funnel", "prod")
                .notFound(BROKER, topics("shop.checkout_funnel_v1", "shop.checkout_funnel_v2", "shop.page_view")))
                .startsWith("topic checkout_funnel does not exist on 127.0.0.1:9092. checkout_funnel looks like a"
                        + " pipeline name without its version: did you mean shop.checkout_funnel_v1 or"
                        + " shop.checkout_funnel_v2? Topics there: ");
    }

    @Test
    void aVersionThePipelineDoesNotHaveIsNamed() {
        String expected = "topic session_metrics_v9 does not exist on 127.0.0.1:9092. " + BUNDLE.displayRoot()
                + "/pipelines has no version 9 of pipeline session_metrics (it has session_metrics.v3). Topics there: ";

        assertThat(resolve("session_metrics_v9", "local").notFound(BROKER, topics("x"))).isEqualTo(expected + "x");
        assertThat(resolve("session_metrics.v9", "local").notFound(BROKER, topics("x")))
                .isEqualTo(expected.replace("topic session_metrics_v9", "topic session_metrics.v9") + "x");
    }

    @Test
    void anOutputTopicWithoutTheProfilesPrefixNamesTheTopicWithIt() {
        assertThat(resolve("session_metrics_v3", "prod").notFound(BROKER, topics("x")))
                .contains(". Pipeline session_metrics.v3 writes to shop.session_metrics_v3 with profile prod.");
    }
}
