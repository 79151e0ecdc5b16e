package io.shopstream.plans;

import io.shopstream.bundle.PipelineId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verdicts of one pipeline that say the same thing for several profiles (one SQL edit usually shows in every
 * profile's plan), reported once: {@code session_metrics.v3 (local, prod)}.
 */
public record VerdictGroup(List<PlanVerdict> verdicts) {

    public VerdictGroup {
        verdicts = List.copyOf(verdicts);
    }

    /** Consecutive verdicts of the same pipeline with the same outcome and the same changes, grouped. */
    public static List<VerdictGroup> of(List<PlanVerdict> verdicts) {
        List<VerdictGroup> groups = new ArrayList<>();
        List<PlanVerdict> current = new ArrayList<>();
        for (PlanVerdict verdict : verdicts) {
            if (!current.isEmpty() && !sameFinding(current.get(0), verdict)) {
                groups.add(new VerdictGroup(current));
                current = new ArrayList<>();
            }
            current.add(verdict);
        }
        if (!current.isEmpty()) {
            groups.add(new VerdictGroup(current));
        }
        return groups;
    }

    public PlanVerdict first() {
        return verdicts.get(0);
    }

    public PlanVerdict.Outcome outcome() {
        return first().outcome();
    }

    public Optional<PipelineId> pipeline() {
        return first().pipeline();
    }

    public List<String> profiles() {
        return verdicts.stream().map(PlanVerdict::profile).toList();
    }

    public List<Change> changes() {
        return first().comparison().map(PlanComparison::changes).orElse(List.of());
    }

    /** {@code session_metrics.v3 (local, prod)}. */
    public String title() {
        return pipeline().map(PipelineId::toString).orElse(first().planFile()) + " (" + String.join(", ", profiles())
                + ")";
    }

    private static boolean sameFinding(PlanVerdict a, PlanVerdict b) {
        return a.outcome() != PlanVerdict.Outcome.NO_PIPELINE && a.pipeline().equals(b.pipeline())
                && a.outcome() == b.outcome()
                && a.comparison().map(PlanComparison::changes).equals(b.comparison().map(PlanComparison::changes));
    }
}
