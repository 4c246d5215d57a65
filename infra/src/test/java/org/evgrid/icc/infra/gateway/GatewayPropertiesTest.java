package org.evgrid.icc.infra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    @Test
    void theWaitAfterAFailedAttemptDoublesFromOneSecondUpToTheCap() {
        GatewayProperties props = GatewayProperties.defaults();

        assertThat(props.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(props.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(props.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(props.backoff(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(props.backoff(7)).as("64 s is capped").isEqualTo(Duration.ofSeconds(60));
        assertThat(props.backoff(500)).isEqualTo(Duration.ofSeconds(60));
        assertThat(props.maxAttempts()).isEqualTo(5);
    }
}
