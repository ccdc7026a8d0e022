package io.trustspace.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.catalog.resource.DataAddress;
import io.trustspace.common.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSourcesTest {

    @Test
    void sourcesThisDataPlaneCanOpen_pass() {
        for (DataAddress address : java.util.List.of(
                DataAddress.of("File", "/srv/data/充电.csv"),
                DataAddress.of("file", "relative/data.csv"),
                DataAddress.of("HttpData", "https://data.example/x.csv?day=1"),
                DataAddress.of("HttpData", "http://127.0.0.1:8080/x"),
                new DataAddress(
                        "PostgreSQL",
                        "jdbc:postgresql://127.0.0.1/db",
                        Map.of("query", "WITH a AS (SELECT 1) SELECT * FROM a")),
                DataAddress.of("s3", "bucket/key"))) {
            assertThat(DataSources.check(address)).as(address.type()).isEqualTo(Result.ok(address));
        }
    }

    @Test
    void sourcesThisDataPlaneCouldNeverOpen_areInvalid_withTheReason() {
        assertThat(reason(DataAddress.of("File", "/srv/a\u0000b"))).contains("not a file path");
        assertThat(reason(DataAddress.of("HttpData", "ftp://data.example/x"))).contains("http(s)");
        assertThat(reason(DataAddress.of("HttpData", "/x.csv"))).contains("http(s)");
        assertThat(reason(DataAddress.of("HttpData", "http://exa mple/"))).contains("not a URL");
        assertThat(reason(new DataAddress("PostgreSQL", "jdbc:postgresql://h/db", Map.of("query", "DROP TABLE t"))))
                .contains("SELECT");
        assertThat(reason(new DataAddress("PostgreSQL", "jdbc:mysql://h/db", Map.of("query", "SELECT 1"))))
                .contains("jdbc:postgresql://");
    }

    private static String reason(DataAddress address) {
        Result<DataAddress> checked = DataSources.check(address);
        assertThat(checked).isInstanceOf(Result.Failure.class);
        return ((Result.Failure<DataAddress>) checked).reason();
    }
}
