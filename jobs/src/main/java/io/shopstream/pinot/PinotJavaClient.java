package io.shopstream.pinot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.pinot.client.Connection;
import org.apache.pinot.client.ConnectionFactory;
import org.apache.pinot.client.JsonAsyncHttpPinotClientTransportFactory;
import org.apache.pinot.client.PinotClientException;
import org.apache.pinot.client.ResultSet;
import org.apache.pinot.client.ResultSetGroup;

/**
 * Pinot's own Java client, queried from inside a class loader of the {@code pinot} runtime (see {@link PinotBroker}):
 * its Jackson, Netty and Log4j versions never meet the launcher's. Only JDK types cross that boundary, so this class
 * uses the JDK and the client only: a query's answer is a list of rows whose first two are the column names and the
 * column types; a query Pinot refuses throws {@link IllegalArgumentException} with Pinot's message, and a broker
 * that does not answer throws {@link UncheckedIOException}.
 */
public final class PinotJavaClient implements Function<String, List<List<String>>>, AutoCloseable {

    private final String broker;
    private final Connection connection;

    /** A connection to the broker at {@code broker} ({@code host:port}). */
    public PinotJavaClient(String broker) {
        this(broker, "");
    }

    /**
     * A connection to the broker at {@code broker} sending {@code authorization} (unless empty) as the
     * {@code Authorization} header of every query, as Pinot's access control expects ({@code Basic ...},
     * {@code Bearer ...}).
     */
    public PinotJavaClient(String broker, String authorization) {
        this.broker = broker;
        Properties properties = new Properties();
        // Pinot's errors are read from the answer, to show them whole rather than as the client's summary.
        properties.setProperty(Connection.FAIL_ON_EXCEPTIONS, "false");
        properties.setProperty("brokerConnectTimeoutMs", "2000");
        properties.setProperty("brokerReadTimeoutMs", "60000");
        JsonAsyncHttpPinotClientTransportFactory transport =
                new JsonAsyncHttpPinotClientTransportFactory().withConnectionProperties(properties);
        if (!authorization.isEmpty()) {
            transport.setHeaders(Map.of("Authorization", authorization));
        }
        this.connection = ConnectionFactory.fromHostList(properties, List.of(broker), transport.buildTransport());
    }

    @Override
    public List<List<String>> apply(String sql) {
        ResultSetGroup answer;
        try {
            answer = connection.execute(sql);
        } catch (PinotClientException e) {
            throw unreachable(e);
        }
        if (!answer.getExceptions().isEmpty()) {
            List<String> messages = new ArrayList<>();
            answer.getExceptions().forEach(problem -> messages.add(problem.getMessage()));
            throw new IllegalArgumentException(String.join("\n", messages));
        }
        List<List<String>> rows = new ArrayList<>();
        if (answer.getResultSetCount() == 0) {
            rows.add(List.of());
            rows.add(List.of());
            return rows;
        }
        ResultSet result = answer.getResultSet(0);
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int column = 0; column < result.getColumnCount(); column++) {
            names.add(result.getColumnName(column));
            types.add(String.valueOf(result.getColumnDataType(column)));
        }
        rows.add(names);
        rows.add(types);
        for (int row = 0; row < result.getRowCount(); row++) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < result.getColumnCount(); column++) {
                values.add(result.getString(row, column));
            }
            rows.add(values);
        }
        return rows;
    }

    private RuntimeException unreachable(PinotClientException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return new UncheckedIOException(new ConnectException("no Pinot broker answers at " + broker));
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        if (message.startsWith("Pinot returned HTTP status")) {
            return new IllegalArgumentException(message);
        }
        return new UncheckedIOException(new IOException("the Pinot broker at " + broker + " failed: "
                + message));
    }

    @Override
    public void close() {
        connection.close();
    }
}
