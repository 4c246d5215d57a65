package org.evgrid.icc.infra.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The center's own settings ({@code icc.*}).
 *
 * @param dataDir the one data directory of the embedded setup (events, projections, keys)
 * @param store where projections live
 * @param demo the demo world
 * @param signatureWindow how far a signed command's timestamp may be from the center's clock
 * @param bootstrap the first administrator's key
 */
@ConfigurationProperties("icc")
public record IccProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Store store,
        @DefaultValue Demo demo,
        @DefaultValue("PT5M") Duration signatureWindow,
        @DefaultValue Bootstrap bootstrap) {

    /**
     * @param embeddedMongo start the in-process MongoDB-protocol store (else use {@code spring.data.mongodb.uri})
     * @param mongoPort loopback port of the embedded store (0 = any free port)
     * @param database the database name
     * @param durableWrites commit the embedded store before acknowledging each write (off only to measure its cost)
     */
    public record Store(@DefaultValue("true") boolean embeddedMongo, @DefaultValue("0") int mongoPort, @DefaultValue("icc") String database,
                        @DefaultValue("true") boolean durableWrites) {
    }

    /**
     * @param enabled load the demo world on first start with an empty store
     * @param piles how many piles the demo world registers
     * @param historyDays complete days of simulated telemetry the demo platforms back-fill after loading (0 = none)
     * @param live whether the demo platforms keep sending each finished 5-minute interval
     * @param batchSize items per telemetry batch the demo platforms send (1,000–5,000)
     */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("5000") int piles, @DefaultValue("30") int historyDays,
                       @DefaultValue("true") boolean live, @DefaultValue("5000") int batchSize) {
    }

    /**
     * @param adminKeyId the bootstrap administrator key's id
     * @param adminPublicKeyFile PEM file of its public key
     * @param generateAdminKey create the key pair (private key next to it) if the file is missing — development and demo only
     */
    public record Bootstrap(@DefaultValue("admin-bootstrap") String adminKeyId, Path adminPublicKeyFile,
                            @DefaultValue("false") boolean generateAdminKey) {
    }
}
