package io.shopstream.events;

/** No Kafka broker answers where one is expected, or it refuses what is asked of it; the message says which. */
public final class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message) {
        super(message);
    }

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
