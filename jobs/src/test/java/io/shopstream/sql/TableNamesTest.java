package io.shopstream.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TableNamesTest {

    private static final Map<String, String> LATEST = Map.of("session_metrics", "session_metrics_v3",
            "product_metrics_1m", "product_metrics_1m_v1");

    @Test
    void renamesTablesAfterFromAndJoinInAnyCase() {
        assertThat(TableNames.rename("select count(*) from session_metrics", LATEST))
                .isEqualTo("select count(*) from session_metrics_v3");
        assertThat(TableNames.rename("SELECT * FROM\n  product_metrics_1m p JOIN session_metrics s ON 1=1", LATEST))
                .isEqualTo("SELECT * FROM\n  product_metrics_1m_v1 p JOIN session_metrics_v3 s ON 1=1");
    }

    @Test
    void leavesColumnsStringsQuotedNamesCommentsAndOtherTablesAlone() {
        String query = "select session_metrics, 'from session_metrics' from \"session_metrics\""
                + " -- from session_metrics\nwhere x = 1 /* from session_metrics */";
        assertThat(TableNames.rename(query, LATEST)).isEqualTo(query);
        assertThat(TableNames.rename("select * from session_metrics_v1", LATEST))
                .isEqualTo("select * from session_metrics_v1");
    }

    @Test
    void looksPastCommentsBetweenFromAndTheTable() {
        assertThat(TableNames.rename("select 1 from /* latest */ session_metrics", LATEST))
                .isEqualTo("select 1 from /* latest */ session_metrics_v3");
    }
}
