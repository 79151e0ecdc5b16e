package io.shopstream.feed;

/** Holds each event back until it is due in real time, or lets everything through at once. */
final class Pacer {

    private final long originNanos;
    private final boolean throttled;

    private Pacer(long originNanos, boolean throttled) {
        this.originNanos = originNanos;
        this.throttled = throttled;
    }

    static Pacer unthrottled() {
        return new Pacer(0, false);
    }

    /** Events due at {@code dueMillis} go out {@code dueMillis} after {@code originNanos} (a nanoTime). */
    static Pacer from(long originNanos) {
        return new Pacer(originNanos, true);
    }

    void awaitDue(long dueMillis) throws InterruptedException {
        if (!throttled) {
            return;
        }
        long aheadNanos = originNanos + dueMillis * 1_000_000 - System.nanoTime();
        if (aheadNanos >= 1_000_000) {
            Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
        }
    }
}
