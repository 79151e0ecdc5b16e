package io.shopstream.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.PipelineId;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.plans.CommittedPlans;
import io.shopstream.plans.PlanCheck;
import io.shopstream.plans.PlanComparator;
import io.shopstream.plans.PlanJson;
import io.shopstream.plans.PlanMessages;
import io.shopstream.plans.PlanVerdict;
import io.shopstream.plans.VerdictGroup;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan",
        description = {"Compile every pipeline against every profile into Flink compiled plans and write them to"
                + " sql/plans/<profile>/<pipeline>.v<N>.json, to be committed with the SQL; `run` executes them.",
                "A plan that already exists keeps its operator ids, so the running job's state carries over. A change"
                        + " that cannot keep the state is refused (exit 1) unless --fresh-start says it is meant."
                        + " Without PIPELINE arguments, plans whose pipeline is gone are deleted."})
final class PlanCommand implements Callable<Integer> {

    private static final String INDENT = "    ";

    @Mixin
    CommonOptions common;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Write the plans of this profile only (default: every profile in profiles/).")
    String profile;

    @Option(names = "--fresh-start",
            description = "Replace plans whose change cannot keep the running job's state: the job then starts"
                    + " without its savepoint, its state dropped. Only with the PIPELINEs it is meant for.")
    boolean freshStart;

    @Parameters(paramLabel = "PIPELINE", arity = "0..*",
            description = "Pipelines to plan: name (every version) or name.vN (default: all).")
    List<String> pipelines = List.of();

    @Override
    public Integer call() {
        if (freshStart && pipelines.isEmpty()) {
            throw new InvalidInputException("--fresh-start drops the state of running jobs: name the pipelines it is"
                    + " meant for, e.g. `plan session_metrics.v3 --fresh-start`");
        }
        long started = System.nanoTime();
        SqlBundle bundle = common.bundle();
        List<PipelineFile> selected = pipelines.isEmpty() ? bundle.pipelines() : bundle.select(pipelines);
        List<String> profiles = profile != null ? List.of(bundle.profile(profile).name()) : bundle.profileNames();
        Console.progress("Compiling " + selected.size() + (selected.size() == 1 ? " pipeline of " : " pipelines of ")
                + bundle.displayRoot() + " against profile" + (profiles.size() == 1 ? " " : "s ")
                + String.join(", ", profiles) + "...");
        PlanCheck check = new PlanCheck(bundle);
        CommittedPlans plans = check.plans();
        PlanMessages messages = new PlanMessages(bundle);
        int refused = 0;
        for (VerdictGroup group : VerdictGroup.of(check.check(selected, profiles, pipelines.isEmpty()))) {
            refused += write(group, plans, messages) ? 0 : 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (refused > 0) {
            System.err.printf(Locale.ROOT, "%d pipeline%s refused: the plans above were not written (%.1f s)%n",
                    refused, refused == 1 ? "" : "s", seconds);
            return ExitCodes.INVALID;
        }
        System.out.printf(Locale.ROOT, "OK: plans in %s/plans (%.1f s)%n", bundle.displayRoot(), seconds);
        return ExitCodes.OK;
    }

    /** Writes (or deletes) the group's plans and says so; false when refused. */
    private boolean write(VerdictGroup group, CommittedPlans plans, PlanMessages messages) {
        if (group.outcome() == PlanVerdict.Outcome.NO_PIPELINE) {
            for (PlanVerdict verdict : group.verdicts()) {
                plans.stored().stream().filter(stored -> stored.display().equals(verdict.planFile()))
                        .forEach(plans::delete);
                System.out.println("deleted  " + verdict.planFile() + ": " + verdict.reason());
            }
            return true;
        }
        PipelineId id = group.pipeline().orElseThrow();
        String files = messages.planFiles(id, group.profiles());
        switch (group.outcome()) {
            case UP_TO_DATE -> System.out.println("same     " + files);
            case NO_PLAN -> {
                group.verdicts().forEach(verdict -> plans.write(id, verdict.profile(),
                        PlanJson.write(verdict.recompiled().orElseThrow())));
                System.out.println("new      " + files);
            }
            case KEEPS_STATE -> {
                group.verdicts().forEach(verdict -> plans.write(id, verdict.profile(),
                        verdict.comparison().orElseThrow().planText()));
                System.out.println("updated  " + files + ": keeps its state (operator ids kept); what changed:");
                PlanMessages.changeLines(group.changes(), INDENT).forEach(System.out::println);
            }
            case BREAKS_STATE -> {
                if (!freshStart) {
                    System.err.println("refused  " + files + ": this change cannot keep the running job's state:");
                    PlanMessages.changeLines(group.first().comparison().orElseThrow().stateChanges(), INDENT)
                            .forEach(System.err::println);
                    messages.breaksStateAdvice(id, INDENT, true).forEach(System.err::println);
                    return false;
                }
                for (PlanVerdict verdict : group.verdicts()) {
                    ObjectNode committed = plans.parsed(id, verdict.profile()).orElseThrow();
                    plans.write(id, verdict.profile(), PlanJson.write(
                            PlanComparator.freshStart(committed, verdict.recompiled().orElseThrow())));
                }
                System.out.println("replaced " + files + ": a fresh start, " + id.jobName() + " must start without"
                        + " its savepoint (new operator ids); what changed:");
                PlanMessages.changeLines(group.changes(), INDENT).forEach(System.out::println);
            }
            default -> throw new IllegalStateException(group.outcome().name());
        }
        return true;
    }
}
