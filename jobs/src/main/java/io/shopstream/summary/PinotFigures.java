package io.shopstream.summary;

import io.shopstream.pinot.PinotBroker;
import io.shopstream.pinot.QueryResult;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Figures read from Pinot's tables, the way a dashboard reads them: the last two closed minutes of active users and
 * of product totals, that minute's top products, and the sessions, one row per session thanks to the upsert table.
 */
public final class PinotFigures implements FigureSource {

    /** How Pinot prints a TIMESTAMP; its JVM runs in UTC (see {@code PinotCluster}). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.S]");

    private final PinotBroker pinot;
    private final String activeUsersTable;
    private final String productsTable;
    private final String sessionsTable;

    public PinotFigures(PinotBroker pinot, String activeUsersTable, String productsTable, String sessionsTable) {
        this.pinot = pinot;
        this.activeUsersTable = activeUsersTable;
        this.productsTable = productsTable;
        this.sessionsTable = sessionsTable;
    }

    @Override
    public Figures figures() {
        List<Figures.Minute> activeUsers = rows(query(
                "SELECT window_start, active_users FROM %s ORDER BY window_start DESC LIMIT 2", activeUsersTable),
                row -> new Figures.Minute(millis(row.get(0)), Long.parseLong(row.get(1))));
        List<Figures.ProductTotals> totals = rows(query("SELECT window_start, SUM(views), SUMPRECISION(revenue)"
                        + " FROM %s GROUP BY window_start ORDER BY window_start DESC LIMIT 2", productsTable),
                row -> new Figures.ProductTotals(millis(row.get(0)), (long) Double.parseDouble(row.get(1)),
                        new BigDecimal(row.get(2))));
        List<Figures.Product> topViewed = List.of();
        List<Figures.Product> topRevenue = List.of();
        if (!totals.isEmpty()) {
            long minute = totals.get(0).windowStart();
            topViewed = top(minute, "views DESC");
            topRevenue = top(minute, "revenue DESC");
        }
        QueryResult sessions = query("SELECT COUNT(*), SUMPRECISION(revenue) FROM %s", sessionsTable);
        QueryResult converted = query("SELECT COUNT(*) FROM %s WHERE converted = true", sessionsTable);
        return new Figures(activeUsers, totals, topViewed, topRevenue, new Figures.Sessions(
                Long.parseLong(sessions.rows().get(0).get(0)), Long.parseLong(converted.rows().get(0).get(0)),
                decimal(sessions.rows().get(0).get(1))), 0);
    }

    @Override
    public String description() {
        return "Pinot (" + String.join(", ", activeUsersTable, productsTable, sessionsTable) + ")";
    }

    private List<Figures.Product> top(long minute, String order) {
        return rows(query("SELECT product_id, product_name, views, revenue FROM %s WHERE window_start = " + minute
                        + " ORDER BY " + order + ", product_id LIMIT " + Figures.TOP, productsTable),
                row -> new Figures.Product(row.get(0), row.get(1), Long.parseLong(row.get(2)),
                        new BigDecimal(row.get(3))));
    }

    private QueryResult query(String template, String table) {
        return pinot.query(String.format(Locale.ROOT, template, table));
    }

    private static <T> List<T> rows(QueryResult result, Function<List<String>, T> reading) {
        List<T> read = new ArrayList<>();
        result.rows().forEach(row -> read.add(reading.apply(row)));
        return read;
    }

    /** A TIMESTAMP as Pinot prints it: epoch milliseconds in an aggregation's group key, else its UTC text. */
    static long millis(String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        return LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** An exact sum; Pinot answers an empty table's {@code SUMPRECISION} with nothing to parse. */
    private static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException | NullPointerException empty) {
            return BigDecimal.ZERO;
        }
    }

    @Override
    public void close() {
        pinot.close();
    }
}
