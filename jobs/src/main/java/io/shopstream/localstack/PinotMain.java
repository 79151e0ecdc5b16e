package io.shopstream.localstack;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Main class of the Pinot JVM: starts ZooKeeper, a controller, a broker and a server in one process, and stops them
 * in the reverse order (server, broker, controller, ZooKeeper) when its standard input closes, which happens when the
 * process that started it ends however it ends.
 *
 * <p>JDK only, through reflection: {@link PinotCluster} copies this one class file onto the Pinot JVM's classpath,
 * beside Pinot's own jars and nothing else of the bundle.
 */
public final class PinotMain {

    private static final String CLUSTER = "shopstream";

    private PinotMain() {}

    /**
     * Arguments: data directory, ZooKeeper port, controller port, broker port, server netty port, server admin port.
     */
    public static void main(String[] args) throws Exception {
        for (String signal : new String[] {"INT", "TERM"}) {
            // Like the Kafka broker: the owner stops Pinot through stdin, after whatever still reads from it.
            sun.misc.Signal.handle(new sun.misc.Signal(signal), sun.misc.SignalHandler.SIG_IGN);
        }
        String directory = args[0];
        String zookeeper = "127.0.0.1:" + args[1];
        Class<?> zkStarter = Class.forName("org.apache.pinot.common.utils.ZkStarter");
        Object zk = zkStarter.getMethod("startLocalZkServer", int.class, String.class)
                .invoke(null, Integer.parseInt(args[1]), directory + "/zookeeper");

        Map<String, Object> controller = new HashMap<>();
        controller.put("controller.zk.str", zookeeper);
        controller.put("controller.helix.cluster.name", CLUSTER);
        controller.put("controller.host", "127.0.0.1");
        controller.put("controller.port", args[2]);
        controller.put("controller.data.dir", directory + "/controller");
        Object controllerStarter = start("org.apache.pinot.controller.ControllerStarter", controller);

        Map<String, Object> broker = new HashMap<>();
        broker.put("pinot.zk.server", zookeeper);
        broker.put("pinot.cluster.name", CLUSTER);
        broker.put("pinot.broker.hostname", "127.0.0.1");
        broker.put("pinot.broker.client.queryPort", args[3]);
        // Nothing to drain on one machine: by default a broker waits 10 s before stopping, a server until it has
        // gone some time without queries, which the live summary never allows.
        broker.put("pinot.broker.delayShutdownTimeMs", "0");
        Object brokerStarter = start("org.apache.pinot.broker.broker.helix.HelixBrokerStarter", broker);

        Map<String, Object> server = new HashMap<>();
        server.put("pinot.zk.server", zookeeper);
        server.put("pinot.cluster.name", CLUSTER);
        // Its gRPC query server (for Spark and Presto connectors, unused here) would take the fixed port 8090, so a
        // second Pinot on the machine (`local` beside a test) could not start its server.
        server.put("pinot.server.grpc.enable", "false");
        server.put("pinot.server.netty.host", "127.0.0.1");
        server.put("pinot.server.netty.port", args[4]);
        server.put("pinot.server.adminapi.port", args[5]);
        server.put("pinot.server.instance.dataDir", directory + "/server/data");
        server.put("pinot.server.instance.segmentTarDir", directory + "/server/segments");
        server.put("pinot.server.shutdown.enableQueryCheck", "false");
        Object serverStarter = start("org.apache.pinot.server.starter.helix.HelixServerStarter", server);
        System.out.println("PINOT READY");
        System.out.flush();

        try {
            while (System.in.read() != -1) {
                // The owner never writes; reading only waits for the end of the stream.
            }
        } catch (IOException brokenPipe) {
            // The owner is gone, just like end of stream.
        }
        for (Object starter : new Object[] {serverStarter, brokerStarter, controllerStarter}) {
            long started = System.nanoTime();
            try {
                starter.getClass().getMethod("stop").invoke(starter);
                System.out.println("PINOT STOPPED " + starter.getClass().getSimpleName() + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println("stopping " + starter.getClass().getSimpleName() + " failed: " + e);
            }
        }
        zkStarter.getMethod("stopLocalZkServer", zk.getClass()).invoke(null, zk);
        System.out.println("PINOT STOPPED ZooKeeper");
        System.out.flush();
        System.exit(0);
    }

    private static Object start(String starterClass, Map<String, Object> properties) {
        try {
            Class<?> configurationClass = Class.forName("org.apache.pinot.spi.env.PinotConfiguration");
            Object configuration = configurationClass.getConstructor(Map.class).newInstance(properties);
            Object starter = Class.forName(starterClass).getConstructor().newInstance();
            starter.getClass().getMethod("init", configurationClass).invoke(starter, configuration);
            Method start = starter.getClass().getMethod("start");
            start.invoke(starter);
            return starter;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Half started, Pinot would keep running on its own threads and pass for ready while it cannot serve
            // (a port taken, say): exit, so that its owner reports the failure, the cause last in the log.
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            cause.printStackTrace(System.out);
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.out.println("PINOT FAILED starting " + starterClass + ": " + cause);
            System.out.flush();
            Runtime.getRuntime().halt(1);
            throw new IllegalStateException("unreachable", e);
        }
    }
}
