package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable: the packaged center runs as its own process, acknowledges signed commands, and is
 * killed with SIGKILL right after the last acknowledgement. After a restart every acknowledged command's pile is
 * there (events, projections once caught up) and the last envelope's nonce is still known (a replay is refused).
 */
class KillNineIT {

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("infra-[0-9.]+(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run `./mvnw verify`: the packaged jar is missing"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Process launch(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Daxoniq.update-checker.disabled=true", "-Xmx512m", "-jar", jar().toString(),
                "--icc.data-dir=" + data, "--server.port=" + port, "--icc.demo.enabled=false", "--icc.tls.enabled=false");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("center.log").toFile()).start();
    }

    private static void awaitReady(CenterClient client) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.get("/actuator/health/readiness", null, null).status() == 200);
    }

    @Test
    void everyAcknowledgedCommandSurvivesKillNine() throws Exception {
        Path data = Files.createTempDirectory("icc-kill9-it");
        int port = freePort();
        CenterClient client = new CenterClient("http://localhost:" + port);
        process = launch(data, port);
        awaitReady(client);

        TestWorld world = new TestWorld(client, data);
        Party archivist = world.keyWithRole("key-k9-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
        Party platform = world.operator(archivist, "OP-K9", TestWorld.creditCode("91320100MA1KN9NE1"));
        world.station(platform, "OP-K9", "ST-K9-1");
        List<String> acknowledged = new ArrayList<>();
        SignedEnvelope last = null;
        for (int i = 0; i < 150; i++) {
            String id = "P-K9-" + i;
            last = client.sign(new RegisterPileCommand(new OperatorId("OP-K9"), new PileId(id), new StationId("ST-K9-1"), PileType.AC,
                    new BigDecimal("7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1), platform.keyId(), platform.key());
            Answer a = client.post(last);
            assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
            acknowledged.add(id);
        }
        process.destroyForcibly().waitFor();
        assertThat(new File(data.toFile(), "events").exists()).isTrue();

        process = launch(data, port);
        awaitReady(client);
        assertThat(client.post(last).code()).as("the nonce of the last acknowledged command survived").isEqualTo("ICC-SIG-REPLAY");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Answer count = client.signedGet("/api/v1/piles/count?by=STATION&key=ST-K9-1", platform.keyId(), platform.key());
            assertThat(count.status()).as("%s", count.body()).isEqualTo(200);
            assertThat(count.body().get("total").asLong()).isEqualTo(acknowledged.size());
        });
        for (String id : List.of(acknowledged.get(0), acknowledged.get(acknowledged.size() - 1))) {
            assertThat(client.signedGet("/api/v1/piles/" + id, platform.keyId(), platform.key()).status()).isEqualTo(200);
        }
    }
}
