package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.declaration.DeclarationId;
import org.evgrid.icc.coreapi.declaration.DeclarationKind;
import org.evgrid.icc.coreapi.declaration.DeclareDemandCommand;
import org.evgrid.icc.coreapi.declaration.GateAnchor;
import org.evgrid.icc.coreapi.declaration.GateClosureRule;
import org.evgrid.icc.coreapi.declaration.PeriodType;
import org.evgrid.icc.coreapi.declaration.ProductCatalogue;
import org.evgrid.icc.coreapi.declaration.ProductRule;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A demand declaration's gate closure is an aggregate deadline on the JobRunr-backed deadline manager: scheduled
 * before a stop, it freezes the declaration after the next start.
 */
class GateClosureRestartIT {

    /** The gate of the test product: about 25 s after the class loads, on the local day it falls on. */
    private static final ZonedDateTime GATE = ZonedDateTime.now(GateClosureRule.MARKET_ZONE).plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate PERIOD = GATE.toLocalDate();

    /** The default products and one whose gate closes in seconds (a day-period energy product, gate 0 days before). */
    @Configuration(proxyBeanMethods = false)
    static class SoonClosingProduct {
        @Bean
        ProductCatalogue productCatalogue() {
            List<ProductRule> rules = new ArrayList<>(ProductCatalogue.defaultRules());
            rules.add(new ProductRule("TEST_SOON", "即将截止的测试品种", "Test product closing soon", DeclarationKind.ENERGY, PeriodType.DAY,
                    new GateClosureRule(GateAnchor.DAYS_BEFORE_PERIOD, 0, LocalTime.from(GATE))));
            return ProductCatalogue.of(rules);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(IccApplication.class, SoonClosingProduct.class).run("--icc.data-dir=" + data, "--server.port=0",
                "--icc.demo.enabled=false", "--icc.deadlines.poll-interval=PT5S");
    }

    private static CenterClient client(ConfigurableApplicationContext ctx) {
        return new CenterClient("http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    @Test
    void aGateClosureScheduledBeforeAStopFreezesTheDeclarationAfterTheNextStart() throws Exception {
        Path data = Files.createTempDirectory("icc-gate-it");
        Party platform;
        Party trader;
        DeclarationId id;
        try (ConfigurableApplicationContext first = start(data)) {
            CenterClient client = client(first);
            TestWorld world = new TestWorld(client, data);
            Party archivist = world.keyWithRole("key-archivist-gate", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
            trader = world.keyWithRole("key-trader-gate", Role.TRADER, SignatureAlgorithm.ED25519);
            platform = world.operator(archivist, "OP-GATE", TestWorld.creditCode("91320100MA1GATEA1"));
            Answer unit = client.send(new CreateAggregationUnitCommand(new AggregationUnitId("AU-GATE-1"), "测试单元", new DispatchAreaId("DA-JS-NJ"),
                    "320000"), archivist.keyId(), archivist.key());
            assertThat(unit.status()).as("%s", unit.body()).isEqualTo(200);
            DeclareDemandCommand declare = new DeclareDemandCommand(new OperatorId("OP-GATE"), "TEST_SOON", PERIOD, new AggregationUnitId("AU-GATE-1"),
                    new BigDecimal("1200.500"), null);
            id = declare.declarationId();
            Answer declared = client.send(declare, platform.keyId(), platform.key());
            assertThat(declared.status()).as("%s", declared.body()).isEqualTo(200);
        }
        Instant stopped = Instant.now();
        assertThat(stopped).as("stopped before the gate (else this test proves nothing)").isBefore(GATE.toInstant());

        try (ConfigurableApplicationContext second = start(data)) {
            CenterClient client = client(second);
            String path = "/api/v1/declarations/" + id.value();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Answer view = client.signedGet(path, trader.keyId(), trader.key());
                assertThat(view.status()).as("%s", view.body()).isEqualTo(200);
                assertThat(view.body().get("frozen").asBoolean()).as("%s", view.body()).isTrue();
            });
            assertThat(Instant.now()).isAfterOrEqualTo(GATE.toInstant());
            Answer late = client.send(new DeclareDemandCommand(new OperatorId("OP-GATE"), "TEST_SOON", PERIOD, new AggregationUnitId("AU-GATE-1"),
                    new BigDecimal("1.000"), null), platform.keyId(), platform.key());
            assertThat(late.status()).isBetween(400, 422);
            assertThat(late.code()).isEqualTo("ICC-DECL-GATE-CLOSED");
        }
    }
}
