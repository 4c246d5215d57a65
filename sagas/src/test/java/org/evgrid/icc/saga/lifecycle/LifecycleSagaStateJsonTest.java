package org.evgrid.icc.saga.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.test.saga.SagaTestFixture;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanIssuedEvent;
import org.evgrid.icc.coreapi.dr.DrBaselineView;
import org.evgrid.icc.coreapi.dr.DrInterval;
import org.evgrid.icc.coreapi.dr.DrProgramType;
import org.evgrid.icc.coreapi.dr.DrTargetType;
import org.junit.jupiter.api.Test;

/**
 * The saga store keeps the saga as JSON (Axon's Jackson serializer, field visibility): its state must survive a write
 * and a read, and collaborators must not be written.
 */
class LifecycleSagaStateJsonTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void aDemandResponseSagaUnderWaySurvivesTheSagaStoreAsJson() throws Exception {
        SagaTestFixture<TradingLifecycleSaga> fixture = new SagaTestFixture<>(TradingLifecycleSaga.class);
        RecordingCenterCommands commands = new RecordingCenterCommands();
        InMemoryQueries queries = new InMemoryQueries();
        queries.answerBaselines(q -> new DrBaselineView(q.unitId(), q.tradingDay(), q.rule(),
                DemandResponseLifecycleTest.baseline(), List.of()));
        AtomicReference<Object> saga = new AtomicReference<>();
        fixture.registerResourceInjector(saga::set);
        fixture.registerResource(commands);
        fixture.registerResource(queries.gateway());
        fixture.registerResource(new FixtureClock(fixture::currentTime));
        fixture.registerResource(LifecycleSettings.defaults());

        fixture.givenCurrentTime(DemandResponseLifecycleTest.BEFORE_DAY)
                .andThenAPublished(DemandResponseLifecycleTest.optedIn(DemandResponseLifecycleTest.UNIT, DrProgramType.PEAK_SHAVING,
                        List.of(new DrInterval(40, 44, DrTargetType.IMPORT_CAPACITY_LIMIT, new BigDecimal("60")))))
                .whenPublishingA(new DispatchPlanIssuedEvent(DemandResponseLifecycleTest.PLAN, 3, 1))
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-30T16:25:00Z"), TradingLifecycleSaga.INTERVAL_DEADLINE);

        String written = json.writeValueAsString(saga.get());
        TradingLifecycleSaga read = json.readValue(written, TradingLifecycleSaga.class);

        assertThat(json.writeValueAsString(read)).isEqualTo(written);
        JsonNode tree = json.readTree(written);
        assertThat(tree.get("planId").asText()).isEqualTo(DemandResponseLifecycleTest.PLAN.value());
        assertThat(tree.get("issuedVersion").asInt()).isEqualTo(3);
        assertThat(tree.get("tradingDay").asText()).isEqualTo("2026-12-01");
        assertThat(tree.get("drIntervals").get(0).get("targetType").asText()).isEqualTo("IMPORT_CAPACITY_LIMIT");
        assertThat(tree.get("intervalDeadlineId").asText()).isNotBlank();
        assertThat(tree.has("commands")).isFalse();
        assertThat(tree.has("deadlines")).isFalse();
        assertThat(tree.has("clock")).isFalse();
    }
}
