package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.plans.CheckReport;
import io.shopstream.plans.PlanCheck;
import io.shopstream.plans.PlanMessages;
import io.shopstream.plans.PlanVerdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check",
        description = {"Recompile every pipeline against every profile and compare with the committed plans"
                + " (sql/plans/<profile>/<pipeline>.v<N>.json), with no Kafka and no cluster.",
                "Passes when each plan is the same, or differs only in ways that keep the running job's state (it says"
                        + " what changed). Exits 1 when a change cannot keep the state (it names the pipeline and"
                        + " the operator, and says what to do), when a pipeline has no plan, or a plan no pipeline."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Check the plans of this profile only (default: every profile in profiles/).")
    String profile;

    @Option(names = "--strict",
            description = "Also fail when a plan keeps its state but is out of date (CI: `run` refuses such a plan).")
    boolean strict;

    @Parameters(paramLabel = "PIPELINE", arity = "0..*",
            description = "Pipelines to check: name (every version) or name.vN (default: all, and plans without one).")
    List<String> pipelines = List.of();

    @Override
    public Integer call() {
        long started = System.nanoTime();
        SqlBundle bundle = common.bundle();
        PipelineSelection selection = PipelineSelection.of(bundle, pipelines, profile);
        Console.progress(selection.progress("Checking", "the committed plans of profile"));
        List<PlanVerdict> verdicts = new PlanCheck(bundle).check(selection.pipelines(), selection.profiles(),
                pipelines.isEmpty());
        boolean passed = true;
        for (CheckReport.Entry entry : CheckReport.of(verdicts, strict, new PlanMessages(bundle))) {
            entry.lines().forEach(entry.passes() ? System.out::println : System.err::println);
            passed &= entry.passes();
        }
        String summary = String.format(Locale.ROOT, "%s: %s (%.1f s)", passed ? "OK" : "FAILED", counts(verdicts),
                (System.nanoTime() - started) / 1e9);
        if (passed) {
            System.out.println(summary);
            return ExitCodes.OK;
        }
        System.err.println(summary);
        return ExitCodes.INVALID;
    }

    private static String counts(List<PlanVerdict> verdicts) {
        Map<PlanVerdict.Outcome, Integer> counts = new TreeMap<>();
        verdicts.forEach(verdict -> counts.merge(verdict.outcome(), 1, Integer::sum));
        return verdicts.size() + " plan" + (verdicts.size() == 1 ? "" : "s") + " checked: "
                + String.join(", ", counts.entrySet().stream().map(entry -> entry.getValue() + " " + switch (entry
                        .getKey()) {
                            case UP_TO_DATE -> "up to date";
                            case KEEPS_STATE -> "keep state (out of date)";
                            case BREAKS_STATE -> "break state";
                            case NO_PLAN -> "missing";
                            case NO_PIPELINE -> "without a pipeline";
                        }).toList());
    }
}
