package io.shopstream.events;

/** Where events are written: Kafka's source topics, or a file. */
public interface EventSink extends AutoCloseable {

    void write(OutgoingEvent event);

    /** Waits until everything written so far is stored; fails if anything was not. */
    void flush();

    @Override
    void close();
}
