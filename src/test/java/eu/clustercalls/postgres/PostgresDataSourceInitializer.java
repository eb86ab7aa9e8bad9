package eu.clustercalls.postgres;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On the PostgreSQL run, puts every application context (test contexts and the tests' own starts alike, registered in
 * META-INF/spring.factories) on the PostgreSQL database that stands in for its H2 database. It rewrites the bound
 * {@code spring.datasource} settings, so that every way a test chooses its H2 URL (the test profile, a dynamic
 * property, a command-line argument) is covered.
 */
class PostgresDataSourceInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (PostgresRun.active()) {
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSourceProperties properties && PostgresRun.isH2(properties.getUrl())) {
                        // Dropped once Spring has closed its contexts at shutdown, with their connection pools.
                        PostgresRun.Database database = PostgresRun.standInFor(properties.getUrl(),
                                SpringApplication.getShutdownHandlers()::add);
                        properties.setUrl(database.url());
                        properties.setUsername(database.user());
                        properties.setPassword(database.password());
                        properties.setDriverClassName("org.postgresql.Driver");
                    }
                    return bean;
                }
            });
        }
    }
}
