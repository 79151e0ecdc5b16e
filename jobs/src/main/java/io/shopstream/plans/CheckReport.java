package io.shopstream.plans;

import io.shopstream.bundle.PipelineId;
import java.util.ArrayList;
import java.util.List;

/** What {@code check} prints for each finding: a verdict on its first line, then what changed and what to do. */
public final class CheckReport {

    private static final String INDENT = "    ";

    /** One finding: whether it passes, and its lines. */
    public record Entry(boolean passes, List<String> lines) {}

    private CheckReport() {}

    public static List<Entry> of(List<PlanVerdict> verdicts, boolean strict, PlanMessages messages) {
        List<Entry> entries = new ArrayList<>();
        for (VerdictGroup group : VerdictGroup.of(verdicts)) {
            entries.add(entry(group, strict, messages));
        }
        return entries;
    }

    private static Entry entry(VerdictGroup group, boolean strict, PlanMessages messages) {
        List<String> lines = new ArrayList<>();
        boolean passes = group.first().passes(strict);
        String mark = passes ? "ok:    " : "error: ";
        switch (group.outcome()) {
            case UP_TO_DATE -> lines.add(mark + group.title() + ": the committed plan is up to date");
            case KEEPS_STATE -> {
                PipelineId id = group.pipeline().orElseThrow();
                lines.add(mark + group.title() + ": keeps its state; what changed:");
                lines.addAll(PlanMessages.changeLines(group.changes(), INDENT));
                lines.add(INDENT + messages.refreshAdvice(id));
            }
            case BREAKS_STATE -> {
                PipelineId id = group.pipeline().orElseThrow();
                List<Change> stateChanges = group.first().comparison().orElseThrow().stateChanges();
                List<Change> others = group.first().comparison().orElseThrow().otherChanges();
                lines.add(mark + group.title() + ": this change cannot keep the running job's state:");
                lines.addAll(PlanMessages.changeLines(stateChanges, INDENT));
                if (!others.isEmpty()) {
                    lines.add(INDENT + "Also changed, without touching state:");
                    lines.addAll(PlanMessages.changeLines(others, INDENT + "  "));
                }
                lines.addAll(messages.breaksStateAdvice(id, INDENT, true));
            }
            case NO_PLAN -> {
                PipelineId id = group.pipeline().orElseThrow();
                lines.add(mark + group.title() + ": the pipeline has no committed plan ("
                        + messages.planFiles(id, group.profiles()) + "): " + messages.noPlanAdvice(id));
            }
            case NO_PIPELINE -> lines.add(mark + group.first().planFile() + ": a plan without a pipeline: "
                    + group.first().reason() + ". If the pipeline was removed on purpose, delete the plan (`"
                    + PlanMessages.LAUNCHER + " plan` does); otherwise restore the pipeline.");
            default -> throw new IllegalStateException(group.outcome().name());
        }
        return new Entry(passes, lines);
    }
}
