package eu.clustercalls.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for what our staff do at scale, created once the engine has created or
 * checked its tables (Flyway runs before the engine and owns only our tables). Tasklist shows each task's
 * application and call (the filters' columns): Camunda reads those variables by their scope, VAR_SCOPE_, which it
 * does not index, so with 10,000 open tasks every page of Tasklist scanned every variable of every instance.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    static final String VARIABLE_SCOPE = "CC_IDX_VARIABLE_SCOPE";

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getDataSource();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + VARIABLE_SCOPE + " on ACT_RU_VARIABLE (VAR_SCOPE_)");
        } catch (SQLException e) {
            // Another node may be creating it right now; Tasklist works without it, only slower at scale.
            log.warn("Could not create the index {} on the engine's variables: {}", VARIABLE_SCOPE, e.getMessage());
        }
    }
}
