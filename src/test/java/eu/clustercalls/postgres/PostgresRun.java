package eu.clustercalls.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second run of the tests (the surefire execution "postgres" sets {@code clustercalls.test.database=postgres}):
 * every H2 database a test asks for is replaced by a fresh PostgreSQL database of its own, created on the server of
 * {@code CLUSTERCALLS_TEST_PG_URL} (by default the local one) and dropped when the JVM ends. The same H2 URL gets the
 * same PostgreSQL database, so that a test which restarts the application on its database still finds its data.
 */
public final class PostgresRun {

    /** Only databases with this prefix are created or dropped: other people use the same server. */
    private static final String PREFIX = "cc_test_";
    /** A database of a run that ended without dropping it (a killed JVM); no run takes this long. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(4);
    private static final Pattern DATABASE_IN_URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)");

    private static final String URL = setting("clustercalls.test.pg.url", "CLUSTERCALLS_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = setting("clustercalls.test.pg.user", "CLUSTERCALLS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = setting("clustercalls.test.pg.password", "CLUSTERCALLS_TEST_PG_PASSWORD", "");

    private static final Map<String, Database> STAND_INS = new ConcurrentHashMap<>();
    private static boolean leftoversDropped;

    public record Database(String url, String user, String password) {
    }

    private PostgresRun() {
    }

    static boolean active() {
        return "postgres".equals(System.getProperty("clustercalls.test.database"));
    }

    /** CI must not pass by skipping the run: there an unreachable server fails the build. */
    public static boolean required() {
        String ci = System.getenv("CI");
        return Boolean.getBoolean("clustercalls.test.require-postgres") || (ci != null && !ci.isBlank() && !ci.equals("false"));
    }

    static String server() {
        return URL + " as " + USER;
    }

    /** Why the server cannot be used; empty when it can. Asked once per JVM. */
    public static Optional<String> unreachable() {
        return Optional.ofNullable(Reachability.PROBLEM);
    }

    static boolean isH2(String url) {
        return url != null && url.startsWith("jdbc:h2:");
    }

    /**
     * The PostgreSQL database that stands in for this H2 database, created on first use. {@code dropAtShutdown} is
     * given the action that drops it, to run when its users no longer need it.
     */
    static Database standInFor(String h2Url, Consumer<Runnable> dropAtShutdown) {
        return STAND_INS.computeIfAbsent(h2Url, url -> create(dropAtShutdown));
    }

    /** A fresh database of its own, for a test that starts the application outside Spring's test support. */
    public static Database fresh(Consumer<Runnable> dropWhenDone) {
        return create(dropWhenDone);
    }

    private static synchronized Database create(Consumer<Runnable> dropAtShutdown) {
        if (!leftoversDropped) {
            dropLeftovers();
            leftoversDropped = true;
        }
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
        // template0: nobody can be connected to it, which would make the copy of template1 fail.
        execute("create database " + name + " template template0 encoding 'UTF8'");
        dropAtShutdown.accept(() -> drop(name));
        return new Database(withDatabase(URL, name), USER, PASSWORD);
    }

    private static void drop(String name) {
        try {
            // Forced: a pool nobody closes (the DMN tests' engine) still holds connections.
            execute("drop database if exists " + name + " with (force)");
        } catch (IllegalStateException failed) {
            System.err.println("Test database " + name + " not dropped (a later run drops it): " + failed.getMessage());
        }
    }

    /** Databases of earlier runs that were killed before they could drop theirs, so that the disk does not fill. */
    private static void dropLeftovers() {
        long before = Instant.now().minus(LEFTOVER_AGE).getEpochSecond();
        List<String> old = new ArrayList<>();
        try (Connection admin = connect(); Statement statement = admin.createStatement();
                ResultSet names = statement.executeQuery("select datname from pg_database where datname like 'cc\\_test\\_%'")) {
            while (names.next()) {
                String[] parts = names.getString(1).substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d{1,12}") && Long.parseLong(parts[0]) < before) {
                    old.add(names.getString(1));
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not list the test databases on " + server() + ": " + failed.getMessage(), failed);
        }
        for (String name : old) {
            try {
                execute("drop database if exists " + name);
            } catch (IllegalStateException stillInUse) {
                System.err.println("Old test database " + name + " not dropped: " + stillInUse.getMessage());
            }
        }
    }

    private static void execute(String sql) {
        try (Connection admin = connect(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(sql + " failed on " + server() + ": " + failed.getMessage(), failed);
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(URL, properties);
    }

    static String withDatabase(String url, String database) {
        Matcher parts = DATABASE_IN_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        }
        return parts.group(1) + database + parts.group(3);
    }

    private static String setting(String property, String environment, String otherwise) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Checked on first use, once. */
    private static final class Reachability {

        static final String PROBLEM = check();

        private static String check() {
            try (Connection admin = connect()) {
                return null;
            } catch (SQLException failed) {
                return "PostgreSQL not reachable at " + server() + " (" + failed.getMessage() + ")";
            }
        }
    }
}
