package io.shopstream.cli;

import org.apache.flink.client.program.StreamContextEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Whether the launcher runs inside {@code flink run}, whose environment submits to the cluster it was given. */
final class ClusterContext {

    private ClusterContext() {}

    static boolean isFlinkRun() {
        return StreamExecutionEnvironment.getExecutionEnvironment() instanceof StreamContextEnvironment;
    }
}
