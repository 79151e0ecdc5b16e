package io.shopstream.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of {@code shopstream.jar}, for both ways of running it.
 *
 * <ul>
 *   <li>{@code flink run shopstream.jar ...}: the cluster's Flink is on the classpath already, so the launcher runs
 *       straight away, with the connectors and UDFs this jar carries beside it.
 *   <li>{@code java -jar shopstream.jar ...}: no Flink around. The jar carries the Flink runtime as nested jars (under
 *       {@code META-INF/shopstream/runtimes/flink/}, a path {@code flink run} ignores, unlike {@code lib/}); they are
 *       unpacked once and the launcher runs in a class loader made of this jar and them.
 * </ul>
 *
 * <p>Depends on the JDK only, since nothing else is loadable until it has done its work.
 */
public final class Main {

    private static final String LAUNCHER = "io.shopstream.cli.Launcher";
    private static final String FLINK_PROBE = "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment";

    private Main() {}

    public static void main(String[] args) throws Throwable {
        ClassLoader own = Main.class.getClassLoader();
        ClassLoader launcherLoader = isLoadable(FLINK_PROBE, own) ? own : embeddedFlinkLoader(own, args);
        Thread.currentThread().setContextClassLoader(launcherLoader);
        Method main = Class.forName(LAUNCHER, true, launcherLoader).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static ClassLoader embeddedFlinkLoader(ClassLoader own, String[] args) throws Exception {
        configureLogging(args);
        List<URL> urls = new ArrayList<>();
        urls.add(Main.class.getProtectionDomain().getCodeSource().getLocation());
        for (Path jar : NestedRuntime.named("flink", own).jars()) {
            urls.add(jar.toUri().toURL());
        }
        return new URLClassLoader("shopstream", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Logs go to stderr (stdout is for results); {@code --verbose} lets Flink's and Kafka's INFO lines through. */
    private static void configureLogging(String[] args) {
        for (String arg : args) {
            if (arg.equals("--verbose") || arg.equals("-v")) {
                System.setProperty("shopstream.log.level", "INFO");
            }
        }
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
