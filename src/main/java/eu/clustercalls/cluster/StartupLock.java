package eu.clustercalls.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time do the work of a start on the shared database: the engine's schema, the authorizations, the
 * first administrator. Nodes started together would otherwise create the same tables and rows and fail on the
 * duplicates. On PostgreSQL it is a session advisory lock, released by the database if the node dies; the embedded
 * H2 database has one node only.
 */
@Component
public class StartupLock {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** "CCstart" in ASCII: one key for the whole installation. */
    private static final long KEY = 0x4343737461727454L;

    private final DataSource dataSource;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void run(Runnable work) {
        Held held = acquire();
        try {
            work.run();
        } finally {
            held.release();
        }
    }

    /** The lock, held until released: for work that starts and ends in different calls, as the engine's build. */
    Held acquire() {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return new Held(connection, false);
            }
            try (Statement statement = connection.createStatement()) {
                if (!tryLock(statement)) {
                    log.info("Another node is starting on this database; waiting for it to finish its start-up work.");
                    statement.execute("select pg_advisory_lock(" + KEY + ")");
                }
            }
            return new Held(connection, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock on the database", e);
        }
    }

    private static boolean tryLock(Statement statement) throws SQLException {
        try (var result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    record Held(Connection connection, boolean locked) {

        void release() {
            try (connection) {
                if (locked) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("select pg_advisory_unlock(" + KEY + ")");
                    }
                }
            } catch (SQLException e) {
                // Closing the connection ends the session, and the session's advisory locks with it.
                log.warn("Could not release the start-up lock cleanly: {}", e.getMessage());
            }
        }
    }
}
