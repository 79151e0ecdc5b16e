package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.variables.Variables;
import picocli.CommandLine.Option;

/** Which Kafka a command talks to: the profile's, unless given on the command line. */
final class KafkaOptions {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:SHOPSTREAM_PROFILE:-local}",
            description = "Profile of the Kafka address and topic prefix (default: $SHOPSTREAM_PROFILE, else local).")
    String profile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka (default: the profile's KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    /** The profile's variables, environment variables winning. */
    Variables variables(SqlBundle bundle) {
        return Variables.of(bundle.profile(profile), System.getenv());
    }

    String bootstrapServers(Variables variables) {
        return bootstrapServers != null ? bootstrapServers : variables.require("KAFKA_BOOTSTRAP_SERVERS");
    }
}
