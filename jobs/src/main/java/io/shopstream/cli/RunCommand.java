package io.shopstream.cli;

import io.shopstream.bundle.PipelineFile;
import io.shopstream.bundle.SqlBundle;
import io.shopstream.localstack.EmbeddedFlinkCluster;
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
                + " Kafka.",
                "Under `flink run` the jobs go to that cluster. Under `java -jar` they run on an embedded Flink"
                        + " cluster (dashboard on --flink-port) until Ctrl-C."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PIPELINE", arity = "0..*",
            description = "Pipelines: name (its latest version) or name.vN (default: the latest version of each).")
    List<String> pipelines = List.of();

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:SHOPSTREAM_PROFILE:-local}",
            description = "Profile whose variables the SQL is resolved with (default: $SHOPSTREAM_PROFILE, else local).")
    String profile;

    @Option(names = "--flink-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Embedded cluster only: port of the Flink dashboard and REST API (default: ${DEFAULT-VALUE}).")
    int flinkPort;

    @Override
    public Integer call() throws Exception {
        SqlBundle bundle = common.bundle();
        List<PipelineFile> selected = select(bundle);
        Variables variables = Variables.of(bundle.profile(profile), System.getenv());
        if (ClusterContext.isFlinkRun()) {
            submit(new PipelineSubmitter(bundle, variables, FlinkTarget.flinkRunContext()), selected);
            return ExitCodes.OK;
        }
        Console.progress("Starting an embedded Flink cluster...");
        try (EmbeddedFlinkCluster cluster = EmbeddedFlinkCluster.start(flinkPort, Math.max(4, selected.size()))) {
            List<SubmittedPipeline> jobs =
                    submit(new PipelineSubmitter(bundle, variables, FlinkTarget.rest(cluster.restAddress())), selected);
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

    private static List<SubmittedPipeline> submit(PipelineSubmitter submitter, List<PipelineFile> pipelines) {
        List<SubmittedPipeline> jobs = new ArrayList<>();
        for (PipelineFile pipeline : pipelines) {
            SubmittedPipeline job = submitter.submit(pipeline);
            Console.progress("Submitted " + pipeline.id().jobName() + " as job " + job.job().getJobID()
                    + ", writing " + String.join(", ", job.sinks().stream()
                            .map(sink -> sink.topic().orElse(sink.name())).toList()));
            jobs.add(job);
        }
        return jobs;
    }
}
