package io.shopstream.upgrading;

import java.util.Optional;

/**
 * A job's checkpoints so far, as {@code GET /jobs/:id/checkpoints} counts them: completed ones (the restored savepoint
 * is not one of them) and why the latest failed one failed.
 */
public record CheckpointCounts(int completed, int failed, Optional<String> latestFailure) {}
