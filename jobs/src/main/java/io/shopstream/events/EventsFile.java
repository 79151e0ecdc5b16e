package io.shopstream.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON-lines file of events (one JSON object per line, blank lines ignored), read whole and checked before
 * anything is written: every line must be an object with a known {@code event_type} and a {@code session_id} (the
 * Kafka key). The pipeline's SQL checks the rest.
 */
public final class EventsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsFile() {}

    public static List<Event> read(Path file) {
        if (Files.isDirectory(file)) {
            throw new EventsFileException(file + " is a directory: --events takes a file of JSON lines");
        }
        List<Event> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    events.add(parseLine(text, line));
                } catch (EventsFileException e) {
                    problems.add(file + ":" + line + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new EventsFileException(file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new EventsFileException(file + " is not readable (permission denied)");
        } catch (CharacterCodingException e) {
            throw new EventsFileException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new EventsFileException(file + " could not be read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 20);
            throw new EventsFileException(problems.size() + " line" + (problems.size() == 1 ? "" : "s")
                    + " of " + file + " cannot be used:\n" + String.join("\n", problems.subList(0, shown))
                    + (shown < problems.size() ? "\n... and " + (problems.size() - shown) + " more" : ""));
        }
        return events;
    }

    /** One line of an events file as an event, or an {@link EventsFileException} saying what is wrong with it. */
    public static Event parseLine(String text, int line) {
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
        return new Event(eventType, session.asText(), text, line);
    }

    private static String knownTypes() {
        return Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }
}
