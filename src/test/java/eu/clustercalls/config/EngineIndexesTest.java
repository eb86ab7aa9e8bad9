package eu.clustercalls.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.ClusterCallsTest;

@ClusterCallsTest
class EngineIndexesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theEnginesVariablesAreIndexedByTheirScopeForTasklistsColumns() throws Exception {
        assertThat(indexedColumns("ACT_RU_VARIABLE", EngineIndexes.VARIABLE_SCOPE)).containsExactly("VAR_SCOPE_");
    }

    /** H2 keeps names in upper case, PostgreSQL in lower case. */
    private List<String> indexedColumns(String table, String index) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String name : List.of(table, table.toLowerCase())) {
                try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
                    while (rows.next()) {
                        if (index.equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
                            columns.add(rows.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        return columns;
    }
}
