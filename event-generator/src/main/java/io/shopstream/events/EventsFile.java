package io.shopstream.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * A JSON-lines file of events: one JSON object per line, blank lines ignored. Read two ways: checked whole before
 * anything is written ({@link #read}: every line must be an object with a known {@code event_type} and a
 * {@code session_id}, the Kafka key; the pipeline's SQL checks the rest), or replayed line by line as it is,
 * malformed lines included ({@link #replay}).
 */
public final class EventsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsFile() {}

    public static List<OutgoingEvent> read(Path file) {
        List<OutgoingEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    events.add(parseLine(text));
                } catch (EventsFileException e) {
                    problems.add(file + ":" + line + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 20);
            throw new EventsFileException(problems.size() + " line" + (problems.size() == 1 ? "" : "s")
                    + " of " + file + " cannot be used:\n" + String.join("\n", problems.subList(0, shown))
                    + (shown < problems.size() ? "\n... and " + (problems.size() - shown) + " more" : ""));
        }
        return events;
    }

    /**
     * Every non-blank line of {@code file}, read as it is needed and routed by {@link EventRouting}: lines that are
     * not events of the contract are replayed too.
     *
     * @param eventsPerSecond how fast they are due, or 0 for all at once
     */
    public static Iterator<OutgoingEvent> replay(Path file, double eventsPerSecond) {
        BufferedReader reader = open(file);
        return new Iterator<>() {
            private String next = advance();
            private long count;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public OutgoingEvent next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                long due = eventsPerSecond > 0 ? (long) (count++ * 1000.0 / eventsPerSecond) : 0;
                OutgoingEvent event = EventRouting.route(next, due, Delivery.REPLAYED);
                next = advance();
                return event;
            }

            private String advance() {
                try {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) {
                            return line;
                        }
                    }
                    reader.close();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(unreadable(file, e).getMessage(), e);
                }
            }
        };
    }

    /** One line of an events file as an event, or an {@link EventsFileException} saying what is wrong with it. */
    private static OutgoingEvent parseLine(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new EventsFileException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new EventsFileException("not a JSON object");
        }
        JsonNode type = node.get("event_type");
        if (type == null || !type.isTextual()) {
            throw new EventsFileException("no event_type");
        }
        EventType eventType = EventType.fromWireName(type.asText()).orElseThrow(() -> new EventsFileException(
                "unknown event_type '" + type.asText() + "' (known: " + knownTypes() + ")"));
        JsonNode session = node.get("session_id");
        if (session == null || !session.isTextual()) {
            throw new EventsFileException("no session_id (events are keyed by session_id)");
        }
        return new OutgoingEvent(eventType, session.asText(), text, 0, Delivery.REPLAYED);
    }

    private static BufferedReader open(Path file) {
        if (Files.isDirectory(file)) {
            throw new EventsFileException(file + " is a directory: --events takes a file of JSON lines");
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static EventsFileException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new EventsFileException(file + " does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return new EventsFileException(file + " is not readable (permission denied)");
        }
        if (e instanceof CharacterCodingException) {
            return new EventsFileException(file + " is not UTF-8 text");
        }
        return new EventsFileException(file + " could not be read: " + e.getMessage());
    }

    private static String knownTypes() {
        return Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }
}
