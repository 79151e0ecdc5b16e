package io.shopstream.plans;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words {@code check}, {@code plan} and {@code run} use for what they find, so all three say the same. */
public final class PlanMessages {

    /** How the analyst runs a command of the launcher, as the README's loop does. */
    public static final String LAUNCHER = "java -jar jobs/target/shopstream.jar";

    private final SqlBundle bundle;
    private final CommittedPlans plans;

    public PlanMessages(SqlBundle bundle) {
        this.bundle = bundle;
        this.plans = CommittedPlans.of(bundle);
    }

    /**
     * {@code - <operator>: <what>} lines, indented; a change seen at several operators (a column added to each branch
     * of a UNION) once, with how many.
     */
    public static List<String> changeLines(List<Change> changes, String indent) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        changes.forEach(change -> counts.merge(change.toString(), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(entry -> indent + "- " + entry.getKey() + (entry.getValue() > 1 ? " (at " + entry.getValue()
                        + " operators)" : ""))
                .toList();
    }

    /** The plan files of a pipeline in these profiles: {@code sql/plans/{local,prod}/x.v1.json}. */
    public String planFiles(PipelineId id, List<String> profiles) {
        String first = plans.display(id, profiles.get(0));
        if (profiles.size() == 1) {
            return first;
        }
        String folder = first.substring(0, first.lastIndexOf('/', first.lastIndexOf('/') - 1) + 1);
        return folder + "{" + String.join(",", profiles) + "}/" + id + ".json";
    }

    /** Why a change that breaks state matters, and the two ways forward. */
    public List<String> breaksStateAdvice(PipelineId id, String indent, boolean freshStartHint) {
        PipelineId next = new PipelineId(id.name(), nextVersion(id));
        List<String> lines = new ArrayList<>();
        lines.add(indent + "A running " + id.jobName() + " cannot carry its state over to this SQL safely. Either:");
        lines.add(indent + "  - leave " + plans.pipelineFile(id) + " as it was and make the change in a new version:"
                + " copy it to " + plans.pipelineFile(next) + ", edit that, and run `" + LAUNCHER + " plan " + next
                + "`. v" + next.version() + " runs beside v" + id.version()
                + " with its own output topic, consumer group and transactional ids; a later pull request removes v"
                + id.version() + ".");
        if (freshStartHint) {
            lines.add(indent + "  - or start " + id.jobName() + " afresh on purpose, dropping its state: `" + LAUNCHER
                    + " plan " + id + " --fresh-start`, commit the plan, and start the job without its savepoint.");
        }
        return lines;
    }

    /** How to bring an out-of-date plan up to date. */
    public String refreshAdvice(PipelineId id) {
        return "The committed plan is out of date: run `" + LAUNCHER + " plan " + id + "` and commit it (`run`"
                + " executes the committed plan, and refuses one that is out of date).";
    }

    public String noPlanAdvice(PipelineId id) {
        return "run `" + LAUNCHER + " plan " + id + "` and commit the plan with the pipeline.";
    }

    private int nextVersion(PipelineId id) {
        return bundle.pipelines().stream()
                .map(PipelineFile::id)
                .filter(other -> other.name().equals(id.name()))
                .mapToInt(PipelineId::version)
                .max()
                .orElse(id.version()) + 1;
    }
}
