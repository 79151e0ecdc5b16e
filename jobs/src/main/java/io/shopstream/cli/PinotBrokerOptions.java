package io.shopstream.cli;

import io.shopstream.pinot.PinotBroker;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which Pinot broker a command queries. */
final class PinotBrokerOptions {

    @Option(names = "--broker", paramLabel = "HOST:PORT", defaultValue = "localhost:8099",
            description = "The Pinot broker (default: ${DEFAULT-VALUE}, where `local` starts one).")
    String broker;

    @Mixin
    PinotAuthOptions auth;

    PinotBroker connect() {
        return PinotBroker.connect(broker, auth.authorization(System.getenv()));
    }
}
