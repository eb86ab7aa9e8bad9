package eu.clustercalls.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many rows each table of the test database holds, the application's and the engine's (runtime and history),
 * read in one query: a refused request must leave every count as it was.
 */
final class RowCounts {

    /** Written by the engine's metrics reporter on its own schedule, not by requests. */
    private static final Set<String> BACKGROUND = Set.of("ACT_RU_METER_LOG");

    private final JdbcTemplate jdbc;
    private final List<String> tables;
    private final String query;

    RowCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // H2 names the tables in upper case (APPLICATION, ACT_RU_TASK), PostgreSQL in lower case.
        this.tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name", String.class)
                .stream().filter(table -> !BACKGROUND.contains(table.toUpperCase(Locale.ROOT))).toList();
        if (tables.isEmpty()) {
            throw new IllegalStateException("No tables found in the current schema: nothing would be compared");
        }
        this.query = "select " + tables.stream().map(table -> "(select count(*) from \"" + table + "\")")
                .collect(Collectors.joining(", "));
    }

    Map<String, Long> now() {
        // A prepared statement, whose plan PostgreSQL keeps: planning the 70 subqueries at every call doubled its time.
        return jdbc.query(connection -> connection.prepareStatement(query), rows -> {
            rows.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rows.getLong(i + 1));
            }
            return counts;
        });
    }

    /** The tables whose count differs, as "TABLE before → after". */
    static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table)))
                .map(table -> table + " " + before.get(table) + " → " + after.get(table)).toList();
    }

    /** The application's own tables (not the engine's, not Flyway's), for looking up what a request stored. */
    List<String> applicationTables() {
        return tables.stream().filter(table -> !table.toUpperCase(Locale.ROOT).startsWith("ACT_")
                && !table.toUpperCase(Locale.ROOT).startsWith("FLYWAY")).toList();
    }
}
