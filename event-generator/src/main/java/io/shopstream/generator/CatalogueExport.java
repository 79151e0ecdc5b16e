package io.shopstream.generator;

import java.util.stream.Collectors;

/** The catalogue as data others load: CSV for spreadsheets and tools, SQL for the MySQL product table CDC reads. */
public final class CatalogueExport {

    private CatalogueExport() {}

    /** A header line, then one line per product; text quoted as RFC 4180 wants. */
    public static String csv(Catalogue catalogue) {
        return "product_id,product_name,product_category,price\n" + catalogue.products().stream()
                .map(product -> String.join(",", csvText(product.id()), csvText(product.name()),
                        csvText(product.category()), product.price().toPlainString()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** A MySQL/MariaDB script: the {@code products} table (created when missing) and every product, upserted. */
    public static String sql(Catalogue catalogue) {
        String rows = catalogue.products().stream()
                .map(product -> "  (" + String.join(", ", sqlText(product.id()), sqlText(product.name()),
                        sqlText(product.category()), product.price().toPlainString()) + ")")
                .collect(Collectors.joining(",\n"));
        return String.join("\n",
                "-- The ShopStream catalogue: " + catalogue.products().size() + " products.",
                "CREATE TABLE IF NOT EXISTS products (",
                "  product_id       VARCHAR(32)   NOT NULL PRIMARY KEY,",
                "  product_name     VARCHAR(255)  NOT NULL,",
                "  product_category VARCHAR(64)   NOT NULL,",
                "  price            DECIMAL(10,2) NOT NULL",
                ");",
                "",
                "INSERT INTO products (product_id, product_name, product_category, price) VALUES",
                rows,
                "ON DUPLICATE KEY UPDATE product_name = VALUES(product_name),"
                        + " product_category = VALUES(product_category), price = VALUES(price);",
                "");
    }

    private static String csvText(String value) {
        return value.matches("[^\",\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String sqlText(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
