package eu.clustercalls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ClusterCallsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClusterCallsApplication.class, args);
    }
}
