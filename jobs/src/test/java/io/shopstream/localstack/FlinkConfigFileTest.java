package io.shopstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link FlinkConfigFile} writes, Flink 1.20 reads back as written, with its standard YAML parser. */
class FlinkConfigFileTest {

    @Test
    void flinkReadsEveryValueBackAsWritten(@TempDir Path directory) throws Exception {
        Map<String, String> options = Map.of(
                "rest.port", "38081",
                "execution.checkpointing.savepoint-dir", "file:///tmp/it's here/savepoints",
                "env.java.opts.all", "-Dx=\"a: b\" # not a comment",
                "taskmanager.memory.process.size", "1280 mb");

        FlinkConfigFile.write(directory, options);
        Configuration read = GlobalConfiguration.loadConfiguration(directory.toString());

        assertThat(GlobalConfiguration.isStandardYaml()).as("config.yaml, not the legacy flink-conf.yaml").isTrue();
        assertThat(read.toMap()).containsAllEntriesOf(options);
        assertThat(read.get(RestOptions.PORT)).isEqualTo(38081);
    }
}
