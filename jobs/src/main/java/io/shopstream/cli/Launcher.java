package io.shopstream.cli;

import io.shopstream.bootstrap.Main;
import io.shopstream.bundle.BundleException;
import io.shopstream.errors.RootCause;
import io.shopstream.events.EventsFileException;
import io.shopstream.events.KafkaUnavailableException;
import io.shopstream.localstack.LocalStackException;
import io.shopstream.localstack.PortTakenException;
import io.shopstream.pinot.PinotConfigException;
import io.shopstream.pinot.PinotQueryException;
import io.shopstream.pinot.PinotUnavailableException;
import io.shopstream.planning.SqlProblemException;
import io.shopstream.secrets.SecretMask;
import io.shopstream.secrets.SecretUnavailableException;
import io.shopstream.plans.PlanFileException;
import io.shopstream.plans.PlanMismatchException;
import io.shopstream.submitting.FlinkCompatibility;
import io.shopstream.upgrading.JobManagerRequestException;
import io.shopstream.upgrading.JobManagerUnavailableException;
import io.shopstream.upgrading.UpgradeFailedException;
import io.shopstream.variables.UnknownProfileException;
import io.shopstream.variables.UnknownVariableException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.flink.runtime.util.EnvironmentInformation;
import picocli.CommandLine;

/**
 * The launcher's entry point once the bootstrap ({@link io.shopstream.bootstrap.Main}) has put Flink on the
 * classpath. Turns every failure into a message that says what went wrong and what to do, with the stack trace
 * only under {@code --verbose}.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        exitWithParent();
        if (ClusterContext.isFlinkRun()) {
            runInsideFlink(args);
        } else {
            System.exit(execute(args));
        }
    }

    /**
     * Under {@code flink run}, and when a JobManager runs the jar's main method (REST {@code /jars/:id/run},
     * application mode), this JVM is Flink's: exiting would end the JobManager itself, with every job on it. A
     * failure is thrown instead, for Flink to report: the CLI prints it and exits with 1, the REST API answers with it.
     */
    private static void runInsideFlink(String[] args) {
        runInsideFlink(args, EnvironmentInformation.getVersion());
    }

    /** {@link #runInsideFlink(String[])} on a Flink that says it is {@code flinkVersion}. */
    static void runInsideFlink(String[] args, String flinkVersion) {
        Optional<String> incompatible = FlinkCompatibility.problem(flinkVersion, FlinkCompatibility.builtFor());
        if (incompatible.isPresent()) {
            System.err.println("error: " + incompatible.get());
            throw new CommandFailedException("shopstream " + String.join(" ", args) + " failed (exit code "
                    + ExitCodes.FAILED + "): " + incompatible.get());
        }
        Outcome outcome = executeForOutcome(args);
        if (outcome.exitCode() != ExitCodes.OK) {
            throw new CommandFailedException("shopstream " + String.join(" ", args) + " failed (exit code "
                    + outcome.exitCode() + "): " + outcome.error());
        }
    }

    /**
     * Under {@code java -jar} the launcher runs in a child JVM of the bootstrap; should the bootstrap die without
     * stopping it (kill -9), the launcher stops too instead of holding ports and a broker.
     */
    private static void exitWithParent() {
        String parentPid = System.getProperty(Main.PARENT_PID_PROPERTY);
        if (parentPid != null) {
            ProcessHandle.of(Long.parseLong(parentPid)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(ExitCodes.FAILED)),
                    () -> System.exit(ExitCodes.FAILED));
        }
    }

    /** Runs a command line and returns its exit code; never exits the JVM (tests call this). */
    public static int execute(String... args) {
        return executeForOutcome(args).exitCode();
    }

    /** A command line's exit code and, when it failed, what it printed about the failure. */
    record Outcome(int exitCode, String error) {}

    /**
     * Runs a command line; never exits the JVM. Everything it prints goes through {@link SecretMask}: a secret the
     * command read never shows, whoever quotes it (Flink, Kafka, a server's error, a stack trace).
     */
    static Outcome executeForOutcome(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(SecretMask.masking(out));
        System.setErr(SecretMask.masking(err));
        try {
            Outcome outcome = executeUnmasked(args);
            return new Outcome(outcome.exitCode(), SecretMask.mask(outcome.error()));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Outcome executeUnmasked(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        StringBuilder error = new StringBuilder();
        CommandLine commandLine = new CommandLine(new ShopStreamCommand());
        commandLine.setExecutionExceptionHandler((failure, cmd, parseResult) -> report(failure, verbose, error));
        CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((refused, arguments) -> {
            error.append(refused.getMessage());
            return usage.handleParseException(refused, arguments);
        });
        int code = commandLine.execute(args);
        return new Outcome(code, error.toString());
    }

    private static int report(Exception error, boolean verbose, StringBuilder message) {
        if (error instanceof SqlProblemException problems) {
            problems.problems().forEach(problem -> {
                System.err.println(problem);
                message.append(message.isEmpty() ? "" : "\n").append(problem);
            });
            return ExitCodes.INVALID;
        }
        if (isUserError(error)) {
            System.err.println("error: " + error.getMessage());
            message.append(error.getMessage());
            printTraceIf(verbose, error);
            return ExitCodes.INVALID;
        }
        if (error instanceof LauncherException || error instanceof LocalStackException
                || error instanceof PortTakenException || error instanceof KafkaUnavailableException
                || error instanceof PinotUnavailableException || error instanceof UpgradeFailedException
                || error instanceof JobManagerUnavailableException || error instanceof JobManagerRequestException) {
            System.err.println("error: " + error.getMessage());
            message.append(error.getMessage());
            printTraceIf(verbose, error);
            return ExitCodes.FAILED;
        }
        System.err.println("error: " + RootCause.describe(error));
        message.append(RootCause.describe(error));
        if (verbose) {
            error.printStackTrace();
        } else {
            System.err.println("(run again with --verbose for the stack trace)");
        }
        return ExitCodes.FAILED;
    }

    private static boolean isUserError(Exception error) {
        return List.of(BundleException.class, UnknownProfileException.class, UnknownVariableException.class,
                        InvalidInputException.class, EventsFileException.class, PinotConfigException.class,
                        PinotQueryException.class, PlanFileException.class, PlanMismatchException.class,
                        SecretUnavailableException.class)
                .stream()
                .anyMatch(type -> type.isInstance(error));
    }

    private static void printTraceIf(boolean verbose, Exception error) {
        if (verbose) {
            error.printStackTrace();
        }
    }
}
