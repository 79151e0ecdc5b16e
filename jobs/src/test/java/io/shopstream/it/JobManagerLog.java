package io.shopstream.it;

import io.shopstream.localstack.Deadline;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a Flink JobManager's log from a position on, closely: what the JobManager logs (a checkpoint completed) is
 * seen within a fraction of a millisecond, so a test can act in the moment after it, before the TaskManagers have
 * acted on the same event.
 */
final class JobManagerLog implements AutoCloseable {

    /** How often the log's length is looked at: short, since the moment after a line is what matters. */
    private static final long POLL_NANOS = Duration.ofNanos(200_000).toNanos();

    private final RandomAccessFile file;
    private long position;
    private final StringBuilder partialLine = new StringBuilder();

    /** Follows {@code log} from its current end: only lines written from now on are seen. */
    JobManagerLog(Path log) {
        try {
            this.file = new RandomAccessFile(log.toFile(), "r");
            this.position = file.length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips everything written so far. */
    void skipToEnd() {
        try {
            position = file.length();
            partialLine.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first new line matching {@code pattern}, as soon as it is written; empty after {@code timeout}. */
    Optional<Matcher> awaitLine(Pattern pattern, Duration timeout) {
        Deadline deadline = Deadline.in(timeout);
        while (!deadline.passed()) {
            Optional<Matcher> match = nextMatch(pattern);
            if (match.isPresent()) {
                return match;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return Optional.empty();
    }

    private Optional<Matcher> nextMatch(Pattern pattern) {
        try {
            long length = file.length();
            while (position < length) {
                byte[] bytes = new byte[(int) Math.min(length - position, 1 << 16)];
                file.seek(position);
                file.readFully(bytes);
                position += bytes.length;
                partialLine.append(new String(bytes, StandardCharsets.UTF_8));
                int end;
                while ((end = partialLine.indexOf("\n")) >= 0) {
                    String line = partialLine.substring(0, end);
                    partialLine.delete(0, end + 1);
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return Optional.of(matcher);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
