package io.shopstream.localstack;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Main class of a Flink JobManager's or TaskManager's JVM: runs the Flink entry point its first argument names with
 * the remaining arguments, and exits (running Flink's own shutdown hooks) when its standard input closes, which
 * happens when the process that started it ends however it ends: no cluster process outlives its owner. Like the
 * Kafka broker, it ignores SIGINT and SIGTERM, which are its owner's to act on (stop the jobs first, then the cluster).
 *
 * <p>JDK only, no nested classes: {@link StandaloneFlinkCluster} copies this one class file onto the cluster's
 * classpath, beside Flink's own jars and nothing else of the bundle.
 */
public final class FlinkProcessMain {

    private FlinkProcessMain() {}

    /** Arguments: the entry point's class name, then its own arguments. */
    public static void main(String[] args) throws Throwable {
        for (String signal : new String[] {"INT", "TERM"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), sun.misc.SignalHandler.SIG_IGN);
        }
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // The owner never writes; reading only waits for the end of the stream.
                }
            } catch (IOException ignored) {
                // A broken pipe means the owner is gone, just like end of stream.
            }
            System.exit(0);
        }, "owner-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
