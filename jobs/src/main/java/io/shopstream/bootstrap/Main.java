package io.shopstream.bootstrap;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Entry point of {@code shopstream.jar}, for both ways of running it.
 *
 * <ul>
 *   <li>{@code flink run shopstream.jar ...}: the cluster's Flink is on the classpath already, so the launcher runs
 *       straight away, with the connectors and UDFs this jar carries beside it.
 *   <li>{@code java -jar shopstream.jar ...}: no Flink around. The jar carries the Flink runtime as nested jars (under
 *       {@code META-INF/shopstream/runtimes/flink/}, a path {@code flink run} ignores, unlike {@code lib/}); they are
 *       unpacked once, and the launcher runs in a child JVM whose classpath is this jar plus them, with the JVM
 *       options Flink needs on Java 17. The child's exit code is this process's; stopping this process stops it.
 * </ul>
 *
 * <p>Depends on the JDK only, since nothing else is loadable until it has done its work.
 */
public final class Main {

    /** The system property that tells the launcher which process to outlive by no more than a moment. */
    public static final String PARENT_PID_PROPERTY = "shopstream.parent.pid";

    private static final String LAUNCHER = "io.shopstream.cli.Launcher";
    private static final String FLINK_PROBE = "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment";

    /**
     * Verbs that plan and exit within seconds: the JIT's optimising tier never pays off for them, and leaving it out
     * makes {@code validate} about 40% faster.
     */
    private static final Set<String> SHORT_LIVED_VERBS = Set.of("validate", "--help", "-h", "--version", "-V");

    private Main() {}

    public static void main(String[] args) throws Throwable {
        ClassLoader own = Main.class.getClassLoader();
        if (isLoadable(FLINK_PROBE, own)) {
            runLauncher(args);
        } else {
            System.exit(runInChildJvm(args, own));
        }
    }

    private static void runLauncher(String[] args) throws Throwable {
        Method main = Class.forName(LAUNCHER).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static int runInChildJvm(String[] args, ClassLoader own) throws Exception {
        List<Path> classpath = new ArrayList<>();
        classpath.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        classpath.addAll(NestedRuntime.named("flink", own).jars());
        List<String> userOptions = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        userOptions.addAll(JavaProcess.splitOptions(System.getenv("SHOPSTREAM_JAVA_OPTS")));
        JavaProcess java = JavaProcess.of(LAUNCHER)
                .options(JavaProcess.FLINK_JAVA17_OPTIONS)
                .options(LauncherJvmDefaults.unlessChosen(userOptions))
                .option("-D" + PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid())
                // The launcher stops its stack in a shutdown hook, and logs while doing so: Log4j must not have
                // stopped first.
                .option("-Dlog4j2.shutdownHookEnabled=false")
                .classpath(classpath);
        if (args.length == 0 || SHORT_LIVED_VERBS.contains(args[0])) {
            java.option("-XX:TieredStopAtLevel=1");
        }
        if (Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")) {
            // Logs go to stderr (stdout is for results); --verbose lets Flink's and Kafka's INFO lines through.
            java.option("-Dshopstream.log.level=INFO");
        }
        java.options(userOptions);
        Process child = new ProcessBuilder(java.command(List.of(args))).inheritIO().start();
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-launcher");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // Stopped by a signal: the hook is what ended the child, and it has returned.
        }
        return code;
    }

    private static boolean isLoadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
