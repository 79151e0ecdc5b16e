package io.shopstream.pinot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shopstream.bootstrap.NestedRuntime;
import io.shopstream.bootstrap.SoloMainClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Pinot broker, queried in SQL through Pinot's own Java client. The client runs in a class loader of the bundle's
 * {@code pinot} runtime, whose libraries are Pinot's versions, so none of them meets Flink's on this classpath.
 */
public final class PinotBroker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code org.apache.pinot.spi.exception.BadQueryRequestException: } before the words that matter. */
    private static final Pattern EXCEPTION_CLASS =
            Pattern.compile("([a-z][a-z0-9_]*\\.)+[A-Za-z0-9_$]*(Exception|Error): ");

    private final String address;
    private final URLClassLoader runtime;
    private final Function<String, List<List<String>>> client;

    private PinotBroker(String address, URLClassLoader runtime, Function<String, List<List<String>>> client) {
        this.address = address;
        this.runtime = runtime;
        this.client = client;
    }

    /** A client of the broker at {@code address} ({@code host:port}); no request is sent yet. */
    public static PinotBroker connect(String address) {
        return connect(address, Optional.empty());
    }

    /**
     * A client of the broker at {@code address} sending {@code authorization} as the {@code Authorization} header
     * of every query; no request is sent yet.
     */
    @SuppressWarnings("unchecked")
    public static PinotBroker connect(String address, Optional<String> authorization) {
        URLClassLoader runtime = new URLClassLoader("pinot-runtime",
                urls(NestedRuntime.named("pinot", PinotBroker.class.getClassLoader()).jars()),
                ClassLoader.getPlatformClassLoader());
        try {
            Object client = SoloMainClass.load(PinotJavaClient.class, runtime)
                    .getConstructor(String.class, String.class).newInstance(address, authorization.orElse(""));
            return new PinotBroker(address, runtime, (Function<String, List<List<String>>>) client);
        } catch (IOException | ReflectiveOperationException | LinkageError e) {
            closeQuietly(runtime);
            throw new IllegalStateException("could not load Pinot's Java client from the bundle: " + e, e);
        }
    }

    /** Runs {@code sql} and returns its answer; Pinot's own message when it refuses the query. */
    public QueryResult query(String sql) {
        try {
            List<List<String>> answer = client.apply(sql);
            return new QueryResult(answer.get(0), answer.get(1), answer.subList(2, answer.size()));
        } catch (UncheckedIOException e) {
            throw new PinotUnavailableException(e.getCause().getMessage() + ": is Pinot running? (`local` starts"
                    + " one; --broker sets where)");
        } catch (IllegalArgumentException e) {
            throw new PinotQueryException("the Pinot broker at " + address + " refused the query: "
                    + readable(e.getMessage()));
        }
    }

    /**
     * Pinot's errors as one line each: the client hands each as the JSON Pinot sent, {@code message} holding an
     * error name, the server's exception and its stack trace; kept are the name, the exception's own words and the
     * code.
     */
    static String readable(String errors) {
        List<String> readable = new ArrayList<>();
        for (String error : errors.split("\\n(?=\\{)")) {
            try {
                JsonNode json = JSON.readTree(error);
                String message = json.path("message").asText(error).lines()
                        .filter(line -> !line.startsWith("\tat ") && !line.isBlank())
                        .map(line -> EXCEPTION_CLASS.matcher(line).replaceAll(""))
                        .collect(Collectors.joining(" "));
                readable.add(message + (json.has("errorCode") ? " (Pinot error " + json.get("errorCode") + ")" : ""));
            } catch (JsonProcessingException notJson) {
                readable.add(error);
            }
        }
        return String.join("; ", readable);
    }

    /**
     * Closes the client. The class loader stays open: the client's Netty threads still load classes while they wind
     * down after this returns, and the loader is only a few open jar files, released with this JVM.
     */
    @Override
    public void close() {
        try {
            ((AutoCloseable) client).close();
        } catch (Exception alreadyClosed) {
            // Nothing left to release.
        }
    }

    private static URL[] urls(List<Path> jars) {
        try {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Only open jar files to release.
        }
    }
}
