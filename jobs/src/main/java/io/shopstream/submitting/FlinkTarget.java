package io.shopstream.submitting;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Where pipeline jobs go: the cluster {@code flink run} was pointed at, or a cluster's REST endpoint. */
public interface FlinkTarget {

    /** An environment that submits to this target, configured with the job's settings. */
    StreamExecutionEnvironment environment(Configuration jobSettings);

    /** The cluster of {@code flink run} (its context environment). */
    static FlinkTarget flinkRunContext() {
        return StreamExecutionEnvironment::getExecutionEnvironment;
    }

    /**
     * A session cluster reached through REST, e.g. the embedded one. Classes are not shipped: the cluster must
     * already have them (it shares this JVM's classpath, or has the bundle jar).
     */
    static FlinkTarget rest(URI restAddress) {
        return jobSettings -> {
            Configuration configuration = new Configuration(jobSettings);
            configuration.set(DeploymentOptions.TARGET, "remote");
            configuration.set(RestOptions.ADDRESS, restAddress.getHost());
            configuration.set(RestOptions.PORT, restAddress.getPort());
            configuration.set(DeploymentOptions.ATTACHED, true);
            return new StreamExecutionEnvironment(configuration);
        };
    }
}
