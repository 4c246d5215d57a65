package org.evgrid.icc.infra.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.telemetry.ReportChargingOrdersCommand;
import org.evgrid.icc.coreapi.telemetry.ReportDailyEnergyCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPileStatusChangesCommand;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.junit.jupiter.api.Test;

class TelemetrySenderTest {

    private static final OperatorId BIG = new OperatorId("OP-BIG");
    private static final OperatorId SMALL = new OperatorId("OP-SMALL");
    /** 2026-11-18 12:00 in Asia/Shanghai. */
    private static final Instant NOON = Instant.parse("2026-11-18T04:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    private static final KeyPair BIG_KEY = Crypto.generateKeyPair(SignatureAlgorithm.ED25519);
    private static final KeyPair SMALL_KEY = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);

    private final List<SimPile> piles = piles();
    private final ChargingLoadSimulator sim = new ChargingLoadSimulator(piles, 42, ChargingLoadSimulator.CHINA, OutageRates.NONE,
            TouTariff.DEFAULT);
    private final List<SignedEnvelope> sent = new ArrayList<>();

    private static List<SimPile> piles() {
        List<SimPile> piles = new ArrayList<>();
        for (int i = 0; i < 12_345; i++) {
            piles.add(new SimPile(new PileId("B-" + i), BIG, PileType.DC, 60_000, UsageProfile.PUBLIC_DAYTIME));
        }
        for (int i = 0; i < 3_000; i++) {
            piles.add(new SimPile(new PileId("S-" + i), SMALL, PileType.AC, 7_000, UsageProfile.HOME_OVERNIGHT));
        }
        return piles;
    }

    private TelemetrySender sender(int batchSize) {
        return new TelemetrySender(piles, Map.of(BIG, new TelemetrySender.PlatformKey("key-big", BIG_KEY.getPrivate()),
                SMALL, new TelemetrySender.PlatformKey("key-small", SMALL_KEY.getPrivate())), sent::add,
                Clock.fixed(NOON, ZoneOffset.UTC), ChargingLoadSimulator.CHINA, batchSize);
    }

    @Test
    void powerReadingsAreSplitPerOperatorIntoBatchesOfAtMostTheBatchSizeWithDeterministicIds() {
        IntervalFrame frame = sim.interval(NOON, null);
        List<ReportPowerReadingsCommand> commands = sender(5_000).powerCommands(frame);
        assertThat(commands).extracting(c -> c.batchId().value()).containsExactly(
                "OP-BIG-POWER-202611181200-1", "OP-BIG-POWER-202611181200-2", "OP-BIG-POWER-202611181200-3",
                "OP-SMALL-POWER-202611181200-1");
        assertThat(commands).extracting(c -> c.readings().size()).containsExactly(5_000, 5_000, 2_345, 3_000);
        assertThat(commands).allSatisfy(c -> {
            assertThat(c.intervalStart()).isEqualTo(NOON);
            assertThat(c.readings()).allSatisfy(r -> assertThat(r.pileId().value()).startsWith(c.operatorId().equals(BIG) ? "B-" : "S-"));
        });
        // The same interval again: the same batches, item for item.
        assertThat(sender(5_000).powerCommands(sim.interval(NOON, null))).isEqualTo(commands);

        List<ReportPowerReadingsCommand> small = sender(1_000).powerCommands(frame);
        assertThat(small).hasSize(13 + 3).allSatisfy(c -> assertThat(c.readings()).hasSizeLessThanOrEqualTo(1_000));
        assertThat(small.get(12).batchId().value()).isEqualTo("OP-BIG-POWER-202611181200-13");
        assertThat(small.stream().mapToInt(c -> c.readings().size()).sum()).isEqualTo(piles.size());
    }

    @Test
    void dailyEnergyOrdersAndStatusChangesAreBatchedByDayWithTheirOwnKinds() {
        DayResult day = sim.day(DAY);
        TelemetrySender sender = sender(5_000);
        List<ReportDailyEnergyCommand> energy = sender.energyCommands(day);
        assertThat(energy).extracting(c -> c.batchId().value())
                .containsExactly("OP-BIG-ENERGY-20261118-1", "OP-BIG-ENERGY-20261118-2", "OP-BIG-ENERGY-20261118-3", "OP-SMALL-ENERGY-20261118-1");
        assertThat(energy).allSatisfy(c -> assertThat(c.day()).isEqualTo(DAY));
        List<ReportChargingOrdersCommand> orders = sender.orderCommands(TelemetrySender.dayPeriod(DAY), DAY, day.orders());
        assertThat(orders).allSatisfy(c -> {
            assertThat(c.orders()).hasSizeLessThanOrEqualTo(5_000);
            assertThat(c.batchId().value()).matches("OP-(BIG|SMALL)-ORDERS-20261118-\\d+");
        });
        assertThat(orders.stream().mapToInt(c -> c.orders().size()).sum()).isEqualTo(day.orders().size());
        List<ReportPileStatusChangesCommand> changes = sender.statusCommands(sender.intervalPeriod(NOON), day.statusChanges());
        assertThat(changes.get(0).batchId().value()).isEqualTo("OP-BIG-STATUS-202611181200-1");
        assertThat(changes.stream().mapToInt(c -> c.changes().size()).sum()).isEqualTo(day.statusChanges().size());
    }

    @Test
    void eachBatchIsSignedWithItsOperatorsPlatformKey() {
        TelemetrySender sender = sender(5_000);
        assertThat(sender.send(sender.powerCommands(sim.interval(NOON, null)))).isEqualTo(4);
        assertThat(sent).hasSize(4).allSatisfy(e -> {
            assertThat(e.commandType()).isEqualTo("ReportPowerReadings");
            boolean big = e.payload().get("operatorId").asText().equals("OP-BIG");
            assertThat(e.keyId()).isEqualTo(big ? "key-big" : "key-small");
            assertThat(e.timestamp()).isEqualTo("2026-11-18T04:00:00Z");
            assertThat(Crypto.verify(e.algorithm(), (big ? BIG_KEY : SMALL_KEY).getPublic(), Envelopes.signingInput(e),
                    Base64.getDecoder().decode(e.signature()))).isTrue();
        });
        assertThat(sent.get(0).nonce()).isNotEqualTo(sent.get(1).nonce());
    }

    @Test
    void batchSizesOutsideOneToFiveThousandAreRefused() {
        assertThatThrownBy(() -> sender(999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender(5_001)).isInstanceOf(IllegalArgumentException.class);
    }
}
