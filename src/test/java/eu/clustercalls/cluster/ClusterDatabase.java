package eu.clustercalls.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/** A fresh PostgreSQL database for one cluster test, and the queries that check what the nodes left in it. */
final class ClusterDatabase {

    private static final String ADMIN_URL = setting("clustercalls.test.postgres.url", "CLUSTERCALLS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = setting("clustercalls.test.postgres.user", "CLUSTERCALLS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = setting("clustercalls.test.postgres.password", "CLUSTERCALLS_TEST_PG_PASSWORD", "");

    final String name;
    final String url;

    private ClusterDatabase(String name) {
        this.name = name;
        this.url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** Skips the test when no PostgreSQL answers, unless CI requires one (clustercalls.test.require-postgres). */
    static ClusterDatabase fresh(String prefix) throws SQLException {
        String name = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            dropLeftovers(admin, prefix);
            statement.execute("create database " + name);
        } catch (SQLException unreachable) {
            boolean required = Boolean.getBoolean("clustercalls.test.require-postgres") || System.getenv("CI") != null;
            if (required) {
                throw unreachable;
            }
            Assumptions.abort("PostgreSQL not reachable at " + ADMIN_URL + " (" + unreachable.getMessage()
                    + "): the cluster test is skipped");
        }
        return new ClusterDatabase(name);
    }

    String user() {
        return USER;
    }

    String password() {
        return PASSWORD;
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
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    /** Called after a passing run; after a failure the database stays for a person to look into, until the next run. */
    void drop() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static void dropLeftovers(Connection admin, String prefix) throws SQLException {
        List<String> old = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet result = statement.executeQuery("select datname from pg_database where datname like '"
                        + prefix + "\\_%'")) {
            while (result.next()) {
                old.add(result.getString(1));
            }
        }
        for (String database : old) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null ? fallback : value;
    }
}
