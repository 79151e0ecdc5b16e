package io.shopstream.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans many pipelines at once: planning is CPU-bound and every pipeline has a table environment of its own, so one
 * thread per core cuts the wall time of {@code validate} and {@code check}.
 */
public final class ParallelPlanning {

    private ParallelPlanning() {}

    /**
     * The results of {@code tasks}, in their order; the first task's runtime failure is rethrown as it is.
     *
     * @param purpose what the tasks do, naming the threads and an interruption ({@code validation})
     */
    public static <T> List<T> runAll(String purpose, List<Callable<T>> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, purpose);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : executor.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(purpose + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }
}
