package io.shopstream.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Main class of the Kafka broker's JVM: formats the KRaft storage on first start, then runs {@code kafka.Kafka}.
 * The broker exits when its standard input closes, which happens when the process that started it ends however it
 * ends, so no broker outlives its owner; it ignores SIGINT and SIGTERM, which are its owner's to act on.
 *
 * <p>JDK only, no nested classes: {@link KafkaBroker} copies this one class file onto the broker's classpath, beside
 * Kafka's own jars and nothing else of the bundle.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    /** Arguments: the server.properties path, the cluster id, then more options of Kafka's storage format, if any. */
    public static void main(String[] args) throws Throwable {
        // Ctrl-C in a terminal, and many supervisors, signal the whole process group: the owner stops its jobs first
        // (they still talk to this broker while they wind down), then closes the broker through its standard input.
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
            List<String> format = new ArrayList<>(List.of("format", "--ignore-formatted", "-t", args[1], "-c", args[0]));
            format.addAll(Arrays.asList(args).subList(2, args.length));
            int formatted = (int) Class.forName("kafka.tools.StorageTool")
                    .getMethod("execute", String[].class, PrintStream.class)
                    .invoke(null, format.toArray(new String[0]), System.out);
            if (formatted != 0) {
                System.exit(formatted);
            }
            Class.forName("kafka.Kafka").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {args[0]});
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
