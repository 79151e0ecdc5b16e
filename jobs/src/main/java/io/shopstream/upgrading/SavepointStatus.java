package io.shopstream.upgrading;

import java.util.Optional;

/**
 * Where a savepoint request stands: in progress, completed at {@code location}, or failed with {@code failure}.
 *
 * @param location the savepoint's path, once completed
 * @param failure why it failed, once failed
 */
public record SavepointStatus(boolean completed, Optional<String> location, Optional<String> failure) {

    static SavepointStatus inProgress() {
        return new SavepointStatus(false, Optional.empty(), Optional.empty());
    }

    static SavepointStatus completedAt(String location) {
        return new SavepointStatus(true, Optional.of(location), Optional.empty());
    }

    static SavepointStatus failedWith(String failure) {
        return new SavepointStatus(true, Optional.empty(), Optional.of(failure));
    }
}
