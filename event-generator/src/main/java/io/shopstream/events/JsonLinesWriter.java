package io.shopstream.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes events as JSON lines, one per line in the order given: the file {@code try} and replays read back. */
public final class JsonLinesWriter implements EventSink {

    private final Writer out;
    private final String name;
    private final boolean ownsStream;

    private JsonLinesWriter(Writer out, String name, boolean ownsStream) {
        this.out = out;
        this.name = name;
        this.ownsStream = ownsStream;
    }

    public static JsonLinesWriter toFile(Path file) {
        try {
            return new JsonLinesWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), file.toString(), true);
        } catch (IOException e) {
            throw new EventsFileException(file + " cannot be written: " + e.getMessage());
        }
    }

    /** Standard output, left open on close: the caller's stream. */
    public static JsonLinesWriter toStandardOutput() {
        return new JsonLinesWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16), "standard output", false);
    }

    @Override
    public void write(OutgoingEvent event) {
        try {
            out.write(event.json());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to " + name + " failed", e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to " + name + " failed", e);
        }
    }

    @Override
    public void close() {
        flush();
        if (ownsStream) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing " + name + " failed", e);
            }
        }
    }
}
