package io.shopstream.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM for a command that runs until stopped: runs the command's stop action, then holds the
 * JVM's exit until the command has finished cleaning up (flushing, stopping jobs and brokers), at most a grace time.
 */
final class ShutdownSignal implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(60);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownSignal(Runnable stop) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shopstream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Calls {@code stop} when the JVM is asked to exit; close this once the command has cleaned up. */
    static ShutdownSignal onShutdown(Runnable stop) {
        return new ShutdownSignal(stop);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it returns now that the command has finished.
        }
    }
}
