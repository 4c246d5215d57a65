package org.evgrid.icc.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    /** A clock that moves only when told. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-11-27T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_client_may_send_its_burst_at_once_and_is_then_told_how_long_to_wait() {
        Hand clock = new Hand();
        TokenBuckets buckets = new TokenBuckets(2, 5, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("key:a")).isZero();
        }
        assertThat(buckets.take("key:a")).isEqualTo(1);
    }

    @Test
    void tokens_come_back_at_the_configured_rate_up_to_the_burst() {
        Hand clock = new Hand();
        TokenBuckets buckets = new TokenBuckets(2, 3, clock);
        for (int i = 0; i < 3; i++) {
            buckets.take("key:a");
        }
        assertThat(buckets.take("key:a")).isPositive();
        clock.advance(Duration.ofMillis(500));
        assertThat(buckets.take("key:a")).isZero();
        assertThat(buckets.take("key:a")).isPositive();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("key:a")).isZero();
        }
        assertThat(buckets.take("key:a")).as("never more than the burst").isPositive();
    }

    @Test
    void each_client_has_its_own_bucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1, new Hand());
        assertThat(buckets.take("key:a")).isZero();
        assertThat(buckets.take("key:a")).isPositive();
        assertThat(buckets.take("user:b")).isZero();
    }

    @Test
    void a_slow_rate_asks_for_a_longer_wait() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, new Hand());
        buckets.take("addr:1");
        assertThat(buckets.take("addr:1")).isEqualTo(10);
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new TokenBuckets(0, 10, new Hand())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBuckets(10, 0, new Hand())).isInstanceOf(IllegalArgumentException.class);
    }
}
