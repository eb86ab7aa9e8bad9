package eu.clustercalls.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import eu.clustercalls.postgres.PostgresRun;

/** A fresh PostgreSQL database for one cluster test, and the queries that check what the nodes left in it. */
final class ClusterDatabase {

    final String name;
    final String url;
    private final PostgresRun.Database database;
    private Runnable drop;

    private ClusterDatabase(java.util.function.Function<java.util.function.Consumer<Runnable>, PostgresRun.Database> create) {
        this.database = create.apply(dropAction -> this.drop = dropAction);
        this.url = database.url();
        this.name = url.substring(url.lastIndexOf('/') + 1);
    }

    /** Skips the test when no PostgreSQL answers, unless CI requires one (as the tests' PostgreSQL run does). */
    static ClusterDatabase fresh() {
        PostgresRun.unreachable().ifPresent(problem -> {
            if (PostgresRun.required()) {
                throw new IllegalStateException(problem);
            }
            Assumptions.abort(problem + ": the cluster test is skipped");
        });
        return new ClusterDatabase(PostgresRun::fresh);
    }

    String user() {
        return database.user();
    }

    String password() {
        return database.password();
    }

    long count(String sql, Object... parameters) {
        return ((Number) one(sql, parameters)).longValue();
    }

    Object one(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** How many applications each company has, in one query (companies without any are absent). */
    Map<Long, Long> applicationsPerCompany() {
        Map<Long, Long> counts = new java.util.HashMap<>();
        rows("select company_id, count(*) as applications from application group by company_id").forEach(row -> counts.put(
                ((Number) row.get("company_id")).longValue(), ((Number) row.get("applications")).longValue()));
        return counts;
    }

    void execute(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /** Called after a passing run; after a failure the database stays for a person to look into (for 4 hours). */
    void drop() {
        drop.run();
    }
}
