package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** Stop and start on the same data directory: everything is still there, processors resume, nothing is handled twice. */
class RestartIT {

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(IccApplication.class).run("--icc.data-dir=" + data, "--server.port=0", "--icc.demo.enabled=false");
    }

    private static CenterClient clientOf(ConfigurableApplicationContext ctx) {
        return new CenterClient("http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    private static long events(ConfigurableApplicationContext ctx) {
        Long n = ctx.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    private static RegisterPileCommand pile(String id) {
        return new RegisterPileCommand(new OperatorId("OP-RS"), new PileId(id), new StationId("ST-RS-1"), PileType.AC,
                new BigDecimal("7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1);
    }

    @Test
    void aRestartedCenterKeepsItsStateAndHandlesNoEventTwice() throws Exception {
        Path data = Files.createTempDirectory("icc-restart-it");
        Party platform;
        Party auditor;
        long eventsBefore;
        try (ConfigurableApplicationContext first = start(data)) {
            CenterClient client = clientOf(first);
            TestWorld world = new TestWorld(client, data);
            Party archivist = world.keyWithRole("key-rs-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
            auditor = world.keyWithRole("key-rs-auditor", Role.AUDITOR, SignatureAlgorithm.SM2_SM3);
            platform = world.operator(archivist, "OP-RS", TestWorld.creditCode("91320100MA1RETRT1"));
            world.station(platform, "OP-RS", "ST-RS-1");
            for (int i = 0; i < 20; i++) {
                assertThat(client.send(pile("P-RS-" + i), platform.keyId(), platform.key()).status()).isEqualTo(200);
            }
            Party p = platform;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(client.signedGet("/api/v1/piles/count?by=OPERATOR&key=OP-RS", p.keyId(), p.key()).body().get("total").asLong())
                            .isEqualTo(20));
            eventsBefore = events(first);
        }

        try (ConfigurableApplicationContext second = start(data)) {
            CenterClient client = clientOf(second);
            assertThat(events(second)).isEqualTo(eventsBefore);
            Answer count = client.signedGet("/api/v1/piles/count?by=OPERATOR&key=OP-RS", platform.keyId(), platform.key());
            assertThat(count.status()).as("%s", count.body()).isEqualTo(200);
            assertThat(count.body().get("total").asLong()).isEqualTo(20);

            assertThat(client.send(pile("P-RS-after"), platform.keyId(), platform.key()).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Answer verify = client.signedGet("/api/v1/ledger/verify", auditor.keyId(), auditor.key());
                assertThat(verify.body().get("intact").asBoolean()).as("%s", verify.body()).isTrue();
                assertThat(verify.body().get("headSeq").asLong() + 1).as("each event chained exactly once").isEqualTo(events(second));
                assertThat(client.signedGet("/api/v1/piles/count?by=OPERATOR&key=OP-RS", platform.keyId(), platform.key())
                        .body().get("total").asLong()).isEqualTo(21);
            });
        }
    }
}
