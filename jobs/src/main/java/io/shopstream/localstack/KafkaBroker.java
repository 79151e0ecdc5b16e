package io.shopstream.localstack;

import io.shopstream.bootstrap.JavaProcess;
import io.shopstream.bootstrap.NestedRuntime;
import io.shopstream.bootstrap.SoloMainClass;
import io.shopstream.events.KafkaTopics;
import io.shopstream.events.KafkaUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;

/**
 * A real single-node Kafka broker (KRaft, {@code kafka_2.13} 3.9) in a child JVM on loopback. Its classpath is the
 * {@code kafka-broker} runtime the bundle carries (Kafka's jars and Scala 2.13, kept apart from Flink's), its data
 * and log live in one directory. Topics are created explicitly: the broker does not auto-create them, so a typo in a
 * topic name fails loudly instead of producing into a new empty topic.
 *
 * <p>The broker stops when {@link #close()} is called, and also when this JVM dies, since it watches its stdin. It
 * can be stopped ({@link #stop()}) and started again ({@link #restart()}) on the same
 * port, data and cluster id, as a broker restarts in production: clients that knew it find it again, with its
 * topics, committed offsets and open transactions.
 *
 * <p>A broker can also listen on a second port the way a production cluster does, {@code SASL_SSL} with SCRAM users
 * ({@link ScramListener}), to test what connects to one; its plaintext port stays, for the tools of the test.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String MAIN_CLASS = KafkaBrokerMain.class.getName();

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final Optional<ScramListener> scramListener;
    private final int scramPort;
    private ServerProcess process;

    private KafkaBroker(Path directory, int port, int controllerPort, String clusterId,
            Optional<ScramListener> scramListener) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
        this.scramListener = scramListener;
        this.scramPort = scramListener.isPresent() ? LocalPorts.free() : 0;
    }

    /**
     * Starts a broker keeping its data in {@code directory} and waits until it answers.
     *
     * @param port the client port, or 0 for a free one
     */
    public static KafkaBroker start(Path directory, int port) {
        return start(directory, port, Optional.empty());
    }

    /** As {@link #start(Path, int)}, with a {@code SASL_SSL} port too, whose SCRAM user exists from the start. */
    public static KafkaBroker start(Path directory, int port, ScramListener scramListener) {
        return start(directory, port, Optional.of(scramListener));
    }

    private static KafkaBroker start(Path directory, int port, Optional<ScramListener> scramListener) {
        int clientPort = LocalPorts.claim(port, "Kafka broker, --kafka-port");
        KafkaBroker broker = new KafkaBroker(directory, clientPort, LocalPorts.free(),
                UUID.randomUUID().toString().replace("-", "").substring(0, 22), scramListener);
        broker.launch();
        return broker;
    }

    /** The plaintext port's address. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The {@code SASL_SSL} port's address. */
    public String scramBootstrapServers() {
        if (scramListener.isEmpty()) {
            throw new IllegalStateException("this broker was started without a SASL_SSL listener");
        }
        return "127.0.0.1:" + scramPort;
    }

    /** The broker's own log (its stdout and stderr): where to look when it misbehaves. */
    public Path logFile() {
        return directory.resolve("broker.log");
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Creates the topics that do not exist yet, each with {@code partitions} partitions, and waits for leaders. */
    public void createTopics(Set<String> topics, int partitions) {
        try {
            KafkaTopics.ensure(bootstrapServers(), topics, partitions, Duration.ofSeconds(30));
        } catch (KafkaUnavailableException e) {
            throw new LocalStackException(e.getMessage() + "; see " + logFile(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the broker as a graceful shutdown does (it leaves its data in order), waiting until its JVM is gone. */
    public void stop() {
        if (process != null) {
            process.stop(STOP_TIMEOUT);
        }
    }

    /**
     * Starts the broker again, stopping it first if it runs, on the same port, data directory and cluster id, and
     * waits until it answers.
     */
    public void restart() {
        stop();
        LocalPorts.claim(port, "Kafka broker, restarting");
        launch();
    }

    private void launch() {
        try {
            Files.createDirectories(directory);
            Path config = writeConfig();
            List<String> command = JavaProcess.of(MAIN_CLASS)
                    .options(List.of("-Xms128m", "-Xmx768m", "-XX:+UseG1GC",
                            "-Dlog4j2.configurationFile=" + ServerProcess.writeLogConfig(directory,
                                    Map.of("kafka.server.KafkaRaftServer", "INFO")).toUri()))
                    .classpath(SoloMainClass.copy(KafkaBrokerMain.class, directory.resolve("classes")))
                    .classpath(NestedRuntime.named("kafka-broker", KafkaBroker.class.getClassLoader()).jars())
                    .command(formatArguments(config));
            process = ServerProcess.start(command, logFile());
        } catch (IOException e) {
            throw new LocalStackException("could not start the Kafka broker: " + e.getMessage(), e);
        }
        awaitReady();
    }

    private void awaitReady() {
        Deadline deadline = Deadline.in(START_TIMEOUT);
        try (Admin admin = admin()) {
            boolean ready = deadline.until(() -> {
                if (!process.isAlive()) {
                    throw new LocalStackException(process.exitReport("the Kafka broker, starting,"));
                }
                return holds(admin.describeCluster().nodes(), nodes -> !nodes.isEmpty());
            });
            if (!ready) {
                stop();
                throw new LocalStackException("the Kafka broker did not answer within " + START_TIMEOUT.toSeconds()
                        + " s; see " + logFile());
            }
        }
    }

    /** KafkaBrokerMain's arguments: the configuration, the cluster id, then what else formatting the storage takes. */
    private List<String> formatArguments(Path config) {
        List<String> arguments = new ArrayList<>(List.of(config.toString(), clusterId));
        scramListener.ifPresent(listener -> arguments.addAll(List.of("--add-scram", listener.mechanism()
                + "=[name=" + listener.username() + ",password=" + listener.password() + "]")));
        return arguments;
    }

    private Path writeConfig() throws IOException {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        scramListener.ifPresent(listener -> addScramListener(config, listener));
        config.setProperty("log.dirs", directory.resolve("data").toString());
        config.setProperty("auto.create.topics.enable", "false");
        config.setProperty("num.partitions", "3");
        // One broker: internal topics cannot have more than one replica, and need few partitions.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "3");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("transaction.state.log.num.partitions", "3");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        // Kafka's default maximum, stated so the sinks' transaction timeouts are checked against a known value.
        config.setProperty("transaction.max.timeout.ms", "900000");
        config.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        Path file = directory.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(out, "ShopStream embedded Kafka broker");
        }
        return file;
    }

    private void addScramListener(Properties config, ScramListener listener) {
        String address = "SCRAM://127.0.0.1:" + scramPort;
        config.setProperty("listeners", config.getProperty("listeners") + "," + address);
        config.setProperty("advertised.listeners", config.getProperty("advertised.listeners") + "," + address);
        config.setProperty("listener.security.protocol.map",
                config.getProperty("listener.security.protocol.map") + ",SCRAM:SASL_SSL");
        String prefix = "listener.name.scram.";
        config.setProperty(prefix + "sasl.enabled.mechanisms", listener.mechanism());
        config.setProperty(prefix + listener.mechanism().toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.setProperty(prefix + "ssl.keystore.location", listener.keystore().toString());
        config.setProperty(prefix + "ssl.keystore.type", "PKCS12");
        config.setProperty(prefix + "ssl.keystore.password", listener.keystorePassword());
        config.setProperty(prefix + "ssl.key.password", listener.keystorePassword());
    }

    /** Whether the broker answers {@code request} within a few seconds with a result that passes {@code test}. */
    private static <T> boolean holds(KafkaFuture<T> request, Predicate<T> test) {
        try {
            return test.test(request.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return "Kafka broker at " + bootstrapServers() + Optional.ofNullable(process).map(p -> " (pid " + p.pid() + ")")
                .orElse("");
    }
}
