package org.evgrid.icc.command.common;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationRegisteredEvent;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;

/** Test data: valid archives that tests vary one field at a time. */
public final class TestData {

    /** A real Ed25519 public key (X.509 SubjectPublicKeyInfo, base64 DER). */
    public static final String ED25519_KEY = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";
    /** The same key in PEM. */
    public static final String ED25519_PEM = "-----BEGIN PUBLIC KEY-----\n" + ED25519_KEY + "\n-----END PUBLIC KEY-----\n";
    /** A valid unified social credit code. */
    public static final String CREDIT_CODE = "91350100M000100Y43";
    public static final Region NANJING = new Region("320000", "320100", "320102");
    public static final GeoPoint NANJING_POINT = new GeoPoint(new BigDecimal("32.0603"), new BigDecimal("118.7969"));
    public static final DispatchAreaId AREA = new DispatchAreaId("JS-NJ");
    public static final DispatchAreaId OTHER_AREA = new DispatchAreaId("JS-SZ");

    private TestData() {
    }

    public static OperatorId operator(String id) {
        return new OperatorId(id);
    }

    public static PublicKeySpec platformKey(String keyId) {
        return new PublicKeySpec(new KeyId(keyId), SignatureAlgorithm.ED25519, ED25519_KEY);
    }

    public static Contact contact() {
        return new Contact("王工", "025-83456789", "wang@example.com");
    }

    public static RegisterOperatorCommand registerOperator(String id, String... keyIds) {
        List<PublicKeySpec> keys = keyIds.length == 0 ? List.of(platformKey(id + "-K1"))
                : Arrays.stream(keyIds).map(TestData::platformKey).toList();
        return new RegisterOperatorCommand(operator(id), "星星充电", CREDIT_CODE, contact(), new BigDecimal("0.35"), keys);
    }

    public static OperatorRegisteredEvent operatorRegistered(String id) {
        return new OperatorRegisteredEvent(operator(id), "星星充电", CREDIT_CODE, contact(), new BigDecimal("0.35"),
                List.of(platformKey(id + "-K1")));
    }

    public static RegisterStationCommand registerStation(String stationId, String operatorId) {
        return new RegisterStationCommand(new StationId(stationId), operator(operatorId), "新街口充电站", NANJING, NANJING_POINT, AREA);
    }

    public static RegisterStationCommand registerStation(String stationId, String operatorId, DispatchAreaId area) {
        return new RegisterStationCommand(new StationId(stationId), operator(operatorId), "新街口充电站", NANJING, NANJING_POINT, area);
    }

    public static StationRegisteredEvent stationRegistered(String stationId, String operatorId) {
        return new StationRegisteredEvent(new StationId(stationId), operator(operatorId), "新街口充电站", NANJING, NANJING_POINT, AREA);
    }

    public static PileSpec dcPile(String pileId, String stationId) {
        return new PileSpec(new PileId(pileId), new StationId(stationId), PileType.DC, new BigDecimal("120"), new BigDecimal("10"),
                null, 2);
    }

    public static PileRegisteredEvent pileRegistered(String pileId, String operatorId, PileType type) {
        return new PileRegisteredEvent(new PileId(pileId), operator(operatorId), new StationId("ST-1"), AREA, NANJING, type,
                new BigDecimal("60"), BigDecimal.ZERO, type == PileType.V2G ? new BigDecimal("30") : BigDecimal.ZERO, 2, null);
    }
}
