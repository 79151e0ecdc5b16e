package io.shopstream.cli;

import io.shopstream.bundle.SqlBundle;
import io.shopstream.planning.SqlProblem;
import io.shopstream.planning.Validator;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate",
        description = {"Parse, validate and plan every source and pipeline as `run` would, with no Kafka and no cluster.",
                "Prints file:line:column: message for each problem and exits 1 when there is any."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Validate against this profile only (default: every profile in profiles/).")
    String profile;

    @Parameters(paramLabel = "PIPELINE", arity = "0..*",
            description = "Pipelines to validate: name (every version) or name.vN (default: all).")
    List<String> pipelines = List.of();

    @Override
    public Integer call() {
        long started = System.nanoTime();
        SqlBundle bundle = common.bundle();
        PipelineSelection selection = PipelineSelection.of(bundle, pipelines, profile);
        Console.progress(selection.progress("Validating", "profile"));
        List<SqlProblem> problems = new Validator(bundle).validate(selection.pipelines(), selection.profiles(),
                System.getenv());
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintStream err = System.err;
        problems.forEach(err::println);
        if (!problems.isEmpty()) {
            err.printf("%d problem%s in %s (%.1f s)%n", problems.size(), problems.size() == 1 ? "" : "s",
                    bundle.displayRoot(), seconds);
            return ExitCodes.INVALID;
        }
        int valid = selection.pipelines().size();
        System.out.printf("OK: %d pipeline%s valid against %s (%.1f s)%n", valid, valid == 1 ? "" : "s",
                String.join(", ", selection.profiles()), seconds);
        return ExitCodes.OK;
    }
}
