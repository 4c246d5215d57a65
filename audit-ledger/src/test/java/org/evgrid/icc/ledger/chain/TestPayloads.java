package org.evgrid.icc.ledger.chain;

import java.math.BigDecimal;
import java.time.Instant;

/** Event payloads used by the ledger tests. */
final class TestPayloads {

    private TestPayloads() {
    }

    record PileRegistered(String pileId, String operatorId, BigDecimal ratedPowerKw) {
    }

    record EnergyReported(String pileId, Instant day, BigDecimal energyKwh) {
    }
}
