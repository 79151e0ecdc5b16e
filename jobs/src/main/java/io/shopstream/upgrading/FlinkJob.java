package io.shopstream.upgrading;

import java.util.Set;

/** A job as a JobManager lists it: id, name ({@code <pipeline>@v<N>} for ours) and state ({@code RUNNING}, ...). */
public record FlinkJob(String id, String name, String state) {

    private static final Set<String> TERMINAL = Set.of("FINISHED", "CANCELED", "FAILED");

    /** Whether the job is over for good: finished, canceled or failed (not restarting, not suspended). */
    public boolean isTerminal() {
        return TERMINAL.contains(state);
    }

    public boolean isRunning() {
        return state.equals("RUNNING");
    }
}
