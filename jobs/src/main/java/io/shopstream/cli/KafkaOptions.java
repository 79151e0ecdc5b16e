package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.variables.Variables;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which Kafka a command talks to: the profile's, unless given on the command line. */
final class KafkaOptions {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:SHOPSTREAM_PROFILE:-local}",
            description = "Profile of the Kafka address and topic prefix (default: $SHOPSTREAM_PROFILE, else local).")
    String profile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka (default: the profile's KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Topic prefix (default: the profile's).")
    String topicPrefix;

    /** The profile's variables, environment variables winning, and these options over both. */
    Variables variables(SqlBundle bundle) {
        Map<String, String> overrides = new HashMap<>();
        if (bootstrapServers != null) {
            overrides.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        }
        if (topicPrefix != null) {
            overrides.put("TOPIC_PREFIX", topicPrefix);
        }
        return Variables.of(bundle.profile(profile), System.getenv()).with(overrides);
    }
}
