package io.shopstream.pinot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTest {

    private final QueryResult result = new QueryResult(List.of("product_id", "views", "revenue"),
            List.of("STRING", "LONG", "BIG_DECIMAL"),
            List.of(List.of("p-0001", "12", "1234.50"), List.of("p-12", "7", "9.90")));

    @Test
    void printsAHeaderARuleAndRowsWithNumbersAlignedRight() {
        assertThat(result.table()).containsExactly(
                "product_id | views | revenue",
                "-----------+-------+--------",
                "p-0001     |    12 | 1234.50",
                "p-12       |     7 |    9.90");
    }

    @Test
    void printsOnlyTheHeaderWhenThereAreNoRows() {
        assertThat(new QueryResult(List.of("n"), List.of("LONG"), List.of()).table()).containsExactly("n", "-");
    }
}
