package io.shopstream.events;

/** An events file that cannot be used: missing, a directory, unreadable, or not JSON lines; says where. */
public final class EventsFileException extends RuntimeException {

    public EventsFileException(String message) {
        super(message);
    }
}
