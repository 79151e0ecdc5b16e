package io.shopstream.localstack;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for a condition to hold, polling, until a deadline: how the stack waits, never by sleeping blindly. */
public final class Deadline {

    private static final Duration POLL = Duration.ofMillis(100);

    private final long deadlineNanos;

    private Deadline(Duration timeout) {
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    public static Deadline in(Duration timeout) {
        return new Deadline(timeout);
    }

    public boolean passed() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Polls {@code probe} until it returns a value or the deadline passes.
     *
     * @return the value, or empty when the deadline passed first
     */
    public <T> Optional<T> poll(Supplier<Optional<T>> probe) {
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent() || passed()) {
                return value;
            }
            try {
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, remaining().toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Polls {@code condition} until it holds; false when the deadline passed first. */
    public boolean until(Supplier<Boolean> condition) {
        return poll(() -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty()).isPresent();
    }
}
