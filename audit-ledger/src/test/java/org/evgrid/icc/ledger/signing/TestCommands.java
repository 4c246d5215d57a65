package org.evgrid.icc.ledger.signing;

import java.math.BigDecimal;
import java.util.List;

import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;

/** Real core-api commands used by the tests. */
final class TestCommands {

    private TestCommands() {
    }

    static RegisterOperatorCommand registerOperator(String operatorId) {
        return new RegisterOperatorCommand(new OperatorId(operatorId), "绿能充电", "91320000MA1XXXXX0X",
                new Contact("Li Lei", "13800000000", "li@example.com"), new BigDecimal("0.850"), List.of());
    }

    static RegisterPileCommand registerPile(String operatorId, String pileId) {
        return new RegisterPileCommand(new OperatorId(operatorId), new PileId(pileId), new StationId("ST-1"), PileType.DC,
                new BigDecimal("120.000"), new BigDecimal("0.000"), BigDecimal.ZERO, 2);
    }
}
