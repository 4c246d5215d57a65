package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.ledger.signing.Crypto;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production mode with Axon Server configured but not reachable: the node starts, readiness is DOWN with a clear reason
 * (so no traffic is routed to it), and a command is answered with a 503 problem, never a 500.
 */
class AxonServerUnreachableIT {

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void readinessIsDownWithAReasonAndCommandsGetA503() throws Exception {
        Path data = Files.createTempDirectory("icc-axonserver-it");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(IccApplication.class).run(
                "--icc.data-dir=" + data, "--server.port=0", "--icc.demo.enabled=false",
                "--axon.axonserver.enabled=true", "--axon.axonserver.servers=127.0.0.1:" + closedPort())) {
            CenterClient client = new CenterClient("http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Answer readiness = client.get("/actuator/health/readiness", null, null);
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.body().path("components").path("axonServerReadiness").path("details").path("reason").asText())
                        .contains("Axon Server is not reachable");
            });
            KeyPair any = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
            Answer command = client.send(new RegisterPileCommand(new OperatorId("OP-1"), new PileId("P-1"), new StationId("ST-1"),
                    PileType.AC, new BigDecimal("7"), BigDecimal.ZERO, BigDecimal.ZERO, 1), "key-x", any.getPrivate());
            assertThat(command.status()).as("%s", command.body()).isEqualTo(503);
            assertThat(command.code()).isEqualTo("ICC-UNAVAILABLE");
        }
    }
}
