package io.shopstream.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueExportTest {

    @Test
    void theSameSizeGivesTheSameProductsWithStableIdsAcrossCategories() {
        Catalogue catalogue = Catalogue.ofSize(Catalogue.DEFAULT_SIZE);

        assertThat(Catalogue.ofSize(Catalogue.DEFAULT_SIZE).products()).isEqualTo(catalogue.products());
        assertThat(catalogue.products()).hasSize(300);
        assertThat(catalogue.products().get(0).id()).isEqualTo("p-0001");
        assertThat(catalogue.products().get(299).id()).isEqualTo("p-0300");
        assertThat(catalogue.products().stream().map(Product::category).distinct()).hasSize(10);
        assertThat(Catalogue.ofSize(5).products()).isEqualTo(catalogue.products().subList(0, 5));
    }

    @Test
    void csvHasAHeaderAndOneLinePerProduct() {
        List<String> lines = CatalogueExport.csv(Catalogue.ofSize(3)).lines().toList();
        Product first = Catalogue.ofSize(3).products().get(0);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("product_id,product_name,product_category,price");
        assertThat(lines.get(1)).isEqualTo(String.join(",", first.id(), first.name(), first.category(),
                first.price().toPlainString()));
    }

    @Test
    void sqlCreatesTheTableAndUpsertsEveryProduct() {
        String sql = CatalogueExport.sql(Catalogue.ofSize(3));
        Product third = Catalogue.ofSize(3).products().get(2);

        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS products (")
                .contains("product_id       VARCHAR(32)   NOT NULL PRIMARY KEY")
                .contains("  ('" + third.id() + "', '" + third.name() + "', '" + third.category() + "', "
                        + third.price().toPlainString() + ")\nON DUPLICATE KEY UPDATE");
        assertThat(sql.lines().filter(line -> line.startsWith("  ('p-"))).hasSize(3);
    }
}
