package eu.clustercalls.postgres;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * The standalone engine of camunda-dmn-test.cfg.xml: on the PostgreSQL run, on PostgreSQL instead of its H2 database.
 * ProcessEngineExtension builds it when the test class is loaded, before {@link PostgresRunCondition} skips the class:
 * without a reachable server it stays on H2, unused.
 */
class PostgresEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

    @Override
    protected void initDataSource() {
        if (PostgresRun.active() && PostgresRun.unreachable().isEmpty() && dataSource == null && PostgresRun.isH2(jdbcUrl)) {
            // No Spring application may run in this JVM to drop it with its contexts: dropped by a hook of its own.
            PostgresRun.Database database = PostgresRun.standInFor(jdbcUrl,
                    drop -> Runtime.getRuntime().addShutdownHook(new Thread(drop, "drop-" + processEngineName)));
            jdbcUrl = database.url();
            jdbcUsername = database.user();
            jdbcPassword = database.password();
            jdbcDriver = "org.postgresql.Driver";
        }
        super.initDataSource();
    }
}
