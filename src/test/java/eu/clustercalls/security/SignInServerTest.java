package eu.clustercalls.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import eu.clustercalls.Scenario;

/**
 * The application on a real server (what MockMvc does not reach: the Camunda webapps and the engine REST API), on
 * a fresh in-memory database, trusting X-Forwarded-For from localhost as production trusts its proxy's, so that a
 * test's clients come from addresses of their own. One context for every test class that carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@Import(Scenario.class)
@interface SignInServerTest {
}
