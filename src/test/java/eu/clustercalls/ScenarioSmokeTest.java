package eu.clustercalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import eu.clustercalls.application.Application;
import eu.clustercalls.application.ApplicationRepository;
import eu.clustercalls.application.ApplicationStatus;
import eu.clustercalls.call.CallStatus;
import eu.clustercalls.call.FundingCall;

@ClusterCallsTest
class ScenarioSmokeTest {

    @Autowired
    Scenario scenario;
    @Autowired
    ApplicationRepository applications;

    @Test
    void memberOfAPublishedCallAppliesAndAwaitsReview() {
        Scenario.Cluster cluster = scenario.cluster();
        FundingCall call = scenario.publishedCall(cluster);
        Application application = scenario.apply(call, scenario.memberCompany(cluster), new BigDecimal("1500"));

        assertThat(call.getStatus()).isEqualTo(CallStatus.PUBLISHED);
        Application stored = applications.findById(application.getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(stored.getAutoEligible()).isTrue();
    }
}
