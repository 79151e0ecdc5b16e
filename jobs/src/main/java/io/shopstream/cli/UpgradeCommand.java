package io.shopstream.cli;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.upgrading.JobManagerClient;
import io.shopstream.upgrading.PipelineUpgrade;
import io.shopstream.upgrading.UpgradeReport;
import io.shopstream.upgrading.UpgradeRequest;
import io.shopstream.variables.Profile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade",
        description = {"Replace a pipeline's running job on a Flink session cluster by the same pipeline from a new"
                + " build, keeping its state: stop the job <pipeline>@v<N> with a savepoint, upload the jar, run it"
                + " from the savepoint, wait until the new job is RUNNING and its first checkpoint completes.",
                "Through the JobManager's REST API only. The new job's main method runs in the JobManager: variables"
                        + " that override the profile come from the JobManager's environment, not this shell's.",
                "On failure it says what state the old job, the savepoint and the new job are in, and how to roll"
                        + " back."})
final class UpgradeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PIPELINE",
            description = "The pipeline: name (its latest version in the bundle) or name.vN.")
    String pipeline;

    @Option(names = "--jobmanager", paramLabel = "URL", required = true,
            description = "REST address of the JobManager (the dashboard's), e.g. http://localhost:8081.")
    String jobManager;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:SHOPSTREAM_PROFILE:-local}",
            description = "Profile the new job runs with (default: $SHOPSTREAM_PROFILE, else local).")
    String profile;

    @Option(names = "--jar", paramLabel = "PATH",
            description = "The new build (default: this jar).")
    Path jar;

    @Option(names = "--savepoint-dir", paramLabel = "DIR",
            description = "Where the savepoint goes (default: the cluster's execution.checkpointing.savepoint-dir).")
    String savepointDirectory;

    @Option(names = "--savepoint", paramLabel = "PATH",
            description = "Start the pipeline from this savepoint, stopping nothing: to roll back to the previous"
                    + " build, or to finish an upgrade that failed after its savepoint.")
    String fromSavepoint;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10m",
            description = "Longest wait for each step: the savepoint, the new job running, its first checkpoint"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        SqlBundle bundle = common.bundle();
        PipelineFile file = bundle.latest(pipeline);
        Profile known = bundle.profile(profile);
        Path build = jar != null ? requireJar(jar) : ownJar();
        noteLocalOverrides(known);
        UpgradeRequest request = new UpgradeRequest(file.id(), profile, sqlDirectoryForTheJobManager(), build,
                Optional.ofNullable(savepointDirectory), Optional.ofNullable(fromSavepoint), timeout);
        UpgradeReport report = new PipelineUpgrade(new JobManagerClient(address()), Console::progress).run(request);
        report.lines().forEach(System.out::println);
        return ExitCodes.OK;
    }

    /**
     * The SQL the new job runs: the jar's own, unless {@code --sql-dir} names a directory, which then must be one the
     * JobManager can read too (its main method plans the job there).
     */
    private Optional<Path> sqlDirectoryForTheJobManager() {
        return Optional.ofNullable(common.sqlDirectory).map(directory -> directory.toAbsolutePath().normalize());
    }

    private URI address() {
        try {
            URI uri = new URI(jobManager.endsWith("/") ? jobManager.substring(0, jobManager.length() - 1)
                    : jobManager);
            if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException("--jobmanager " + jobManager + " is not an http(s) address: write"
                        + " e.g. http://localhost:8081");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--jobmanager " + jobManager + " is not an address: " + e.getMessage());
        }
    }

    private static Path requireJar(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidInputException("--jar " + path + " is not a readable file: build it with"
                    + " `mvn -DskipTests package` (jobs/target/shopstream.jar)");
        }
        return path;
    }

    /** The jar this launcher runs from: the build to upgrade to, unless --jar names another. */
    private static Path ownJar() {
        try {
            Path location = Path.of(UpgradeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new InvalidInputException("this launcher does not run from a jar (" + location + "): name the"
                        + " build with --jar jobs/target/shopstream.jar");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("cannot tell which jar this launcher runs from: name it with --jar");
        }
    }

    /**
     * The new job is planned in the JobManager, which reads its own environment: a variable set here to override the
     * profile (as `flink run` would honour) does not reach it, and the user should know before anything stops.
     */
    private static void noteLocalOverrides(Profile profile) {
        List<String> ignored = profile.values().keySet().stream().filter(name -> System.getenv(name) != null)
                .sorted().toList();
        if (!ignored.isEmpty()) {
            Console.progress("note: " + String.join(", ", ignored) + " set in this shell will not reach the new job:"
                    + " it is planned in the JobManager, with the JobManager's environment and profile "
                    + profile.name() + ".");
        }
    }
}
