package io.shopstream.submitting;

import io.shopstream.bundle.PipelineId;
import io.shopstream.planning.SinkTable;
import java.util.List;
import org.apache.flink.core.execution.JobClient;

/** A pipeline's job, accepted by a cluster: its id, the tables it writes and a handle on the job. */
public record SubmittedPipeline(PipelineId id, List<SinkTable> sinks, JobClient job) {

    public SubmittedPipeline {
        sinks = List.copyOf(sinks);
    }
}
