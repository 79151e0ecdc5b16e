package io.shopstream.cli;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.localstack.EmbeddedFlinkCluster;
import io.shopstream.planning.PlannedPipeline;
import io.shopstream.submitting.FlinkTarget;
import io.shopstream.submitting.PipelineSubmitter;
import io.shopstream.submitting.SubmittedPipeline;
import io.shopstream.variables.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run",
        description = {"Submit pipelines, one Flink job each (named <pipeline>@v<N>), reading and writing the profile's"
                + " Kafka. Each job executes the pipeline's committed plan (sql/plans/<profile>/<pipeline>.v<N>.json),"
                + " so its operator ids are the reviewed ones; a pipeline whose plan is missing, or is not what its"
                + " SQL compiles to, is refused and nothing is submitted.",
                "Under `flink run` the jobs go to that cluster. Under `java -jar` they run on an embedded Flink"
                        + " cluster (dashboard on --flink-port) until Ctrl-C."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PIPELINE", arity = "0..*",
            description = "Pipelines: name (its latest version) or name.vN (default: the latest version of each).")
    List<String> pipelines = List.of();

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:SHOPSTREAM_PROFILE:-local}",
            description = "Profile whose variables the SQL is resolved with, and whose plans run (default:"
                    + " $SHOPSTREAM_PROFILE, else local).")
    String profile;

    @Option(names = "--flink-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Embedded cluster only: port of the Flink dashboard and REST API"
                    + " (default: ${DEFAULT-VALUE}).")
    int flinkPort;

    @Option(names = "--from-sql",
            description = "Run the SQL compiled now instead of the committed plans (sql/plans/<profile>/): for"
                    + " development only, the operator ids are not the committed ones.")
    boolean fromSql;

    @Override
    public Integer call() throws Exception {
        SqlBundle bundle = common.bundle();
        List<PipelineFile> selected = select(bundle);
        Variables variables = Variables.of(bundle.profile(profile), System.getenv());
        if (ClusterContext.isFlinkRun()) {
            List<Prepared> planned = prepare(submitter(bundle, variables, FlinkTarget.flinkRunContext()),
                    selected);
            submit(planned);
            return ExitCodes.OK;
        }
        Console.progress("Starting an embedded Flink cluster...");
        try (EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(flinkPort, Math.max(4, selected.size()))) {
            List<Prepared> planned =
                    prepare(submitter(bundle, variables, FlinkTarget.rest(cluster.restAddress())), selected);
            List<SubmittedPipeline> jobs = submit(planned);
            Console.progress("Running until Ctrl-C. Flink dashboard: " + cluster.restAddress());
            CompletableFuture.allOf(jobs.stream()
                    .map(job -> job.job().getJobExecutionResult())
                    .toArray(CompletableFuture[]::new)).get();
            Console.progress("Every job has finished.");
            return ExitCodes.OK;
        }
    }

    private List<PipelineFile> select(SqlBundle bundle) {
        if (pipelines.isEmpty()) {
            return bundle.latestVersions();
        }
        List<PipelineFile> selected = new ArrayList<>();
        pipelines.forEach(reference -> selected.add(bundle.latest(reference)));
        return selected;
    }

    private PipelineSubmitter submitter(SqlBundle bundle, Variables variables, FlinkTarget target) {
        return fromSql ? new PipelineSubmitter(bundle, variables, target)
                : PipelineSubmitter.fromCommittedPlans(bundle, variables, target);
    }

    /** Plans every pipeline and checks its committed plan before any is submitted: all run, or none. */
    private static List<Prepared> prepare(PipelineSubmitter submitter, List<PipelineFile> pipelines) {
        return pipelines.stream().map(pipeline -> new Prepared(submitter, submitter.prepare(pipeline))).toList();
    }

    private static List<SubmittedPipeline> submit(List<Prepared> prepared) {
        List<SubmittedPipeline> jobs = new ArrayList<>();
        for (Prepared pipeline : prepared) {
            SubmittedPipeline job = pipeline.submitter().submit(pipeline.planned());
            Console.progress("Submitted " + job.id().jobName() + " as job " + job.job().getJobID()
                    + (pipeline.planned().runsCommittedPlan() ? " from its committed plan" : " from its SQL")
                    + ", writing " + String.join(", ", job.sinks().stream()
                            .map(sink -> sink.topic().orElse(sink.name())).toList()));
            jobs.add(job);
        }
        return jobs;
    }

    private record Prepared(PipelineSubmitter submitter, PlannedPipeline planned) {}
}
