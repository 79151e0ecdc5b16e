package io.shopstream.output;

/** No Kafka broker answered at the bootstrap servers in time (none running, a wrong address, a name not resolved). */
public class BrokerUnavailableException extends RuntimeException {

    BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
