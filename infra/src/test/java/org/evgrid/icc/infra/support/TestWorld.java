package org.evgrid.icc.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.Set;

import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.demo.CreditCodes;
import org.evgrid.icc.ledger.signing.Crypto;

/** Builds the parties of a test through signed commands: an archive manager, operators with platform keys, stations. */
public final class TestWorld {

    /** A party that signs: key id and private key. */
    public record Party(String keyId, PrivateKey key) {
    }

    private final CenterClient client;
    private final Party admin;

    public TestWorld(CenterClient client, Path dataDir) throws IOException {
        this.client = client;
        this.admin = new Party("admin-bootstrap", Crypto.readPrivateKey(Files.readString(dataDir.resolve("keys/admin-bootstrap.pem"))));
    }

    public Party admin() {
        return admin;
    }

    /** Registers a new key with the given role (signed by the bootstrap administrator). */
    public Party keyWithRole(String keyId, Role role, SignatureAlgorithm algorithm) {
        KeyPair pair = Crypto.generateKeyPair(algorithm);
        CenterClient.Answer a = client.send(new RegisterSignerKeyCommand(new KeyId(keyId), algorithm, Crypto.toPem(pair.getPublic()), keyId,
                Set.of(role), null, DataScope.HEADQUARTERS), admin.keyId(), admin.key());
        assertThat(a.status()).as("register key %s: %s", keyId, a.body()).isEqualTo(200);
        return new Party(keyId, pair.getPrivate());
    }

    /** Registers an operator (signed by the archive manager) and returns its platform's key. */
    public Party operator(Party archivist, String operatorId, String creditCode) {
        KeyPair pair = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
        String keyId = "key-" + operatorId;
        CenterClient.Answer a = client.send(new RegisterOperatorCommand(new OperatorId(operatorId), "测试运营商 " + operatorId, creditCode,
                new Contact("值班", "025-1234-5678", "ops@example.cn"), new BigDecimal("0.85"),
                List.of(new PublicKeySpec(new KeyId(keyId), SignatureAlgorithm.ED25519, Crypto.toPem(pair.getPublic())))),
                archivist.keyId(), archivist.key());
        assertThat(a.status()).as("register operator %s: %s", operatorId, a.body()).isEqualTo(200);
        return new Party(keyId, pair.getPrivate());
    }

    /** Registers a station of an operator in Nanjing (signed by the operator's platform). */
    public void station(Party platform, String operatorId, String stationId) {
        CenterClient.Answer a = client.send(new RegisterStationCommand(new StationId(stationId), new OperatorId(operatorId), "测试站 " + stationId,
                new Region("320000", "320100", "320102"), new GeoPoint(new BigDecimal("32.06"), new BigDecimal("118.79")),
                new DispatchAreaId("DA-JS-NJ")), platform.keyId(), platform.key());
        assertThat(a.status()).as("register station %s: %s", stationId, a.body()).isEqualTo(200);
    }

    /** A valid unified social credit code (GB 32100 check character) from 17 leading characters. */
    public static String creditCode(String first17) {
        return CreditCodes.withCheck(first17);
    }
}
