package io.shopstream.bootstrap;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM running on this JVM's Java: the options Flink needs on Java 17 (the same
 * {@code --add-opens} a Flink distribution passes), a classpath and a main class.
 *
 * <p>Depends on the JDK only.
 */
public final class JavaProcess {

    /** What Flink 1.20's {@code env.java.default-opts.all} opens, so Kryo and the runtime work on Java 17. */
    public static final List<String> FLINK_JAVA17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final List<String> options = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private final String mainClass;

    private JavaProcess(String mainClass) {
        this.mainClass = mainClass;
    }

    public static JavaProcess of(String mainClass) {
        return new JavaProcess(mainClass);
    }

    public JavaProcess options(List<String> jvmOptions) {
        options.addAll(jvmOptions);
        return this;
    }

    public JavaProcess option(String jvmOption) {
        options.add(jvmOption);
        return this;
    }

    public JavaProcess classpath(List<Path> entries) {
        classpath.addAll(entries);
        return this;
    }

    public JavaProcess classpath(Path entry) {
        classpath.add(entry);
        return this;
    }

    /** The full command: java, options, classpath, main class, then {@code arguments}. */
    public List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Splits {@code SHOPSTREAM_JAVA_OPTS}-style text on whitespace. */
    public static List<String> splitOptions(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.trim().split("\\s+"));
    }
}
