package org.evgrid.icc.query.archive;

import static org.evgrid.icc.query.archive.ArchiveEvents.HANGZHOU_XIHU;
import static org.evgrid.icc.query.archive.ArchiveEvents.NANJING_QINHUAI;
import static org.evgrid.icc.query.archive.ArchiveEvents.NANJING_XUANWU;
import static org.evgrid.icc.query.archive.ArchiveEvents.SUZHOU_GUSU;
import static org.evgrid.icc.query.archive.ArchiveEvents.assigned;
import static org.evgrid.icc.query.archive.ArchiveEvents.at;
import static org.evgrid.icc.query.archive.ArchiveEvents.event;
import static org.evgrid.icc.query.archive.ArchiveEvents.operatorRegistered;
import static org.evgrid.icc.query.archive.ArchiveEvents.pile;
import static org.evgrid.icc.query.archive.ArchiveEvents.pileRegistered;
import static org.evgrid.icc.query.archive.ArchiveEvents.stationRegistered;
import static org.evgrid.icc.query.archive.ArchiveEvents.unitCreated;

import java.util.List;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.StationDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.StationId;

/**
 * A small archive: OP-A in Nanjing (stations ST-A1 in Xuanwu with PA-1 AC 7 kW and PA-2 DC 60 kW, ST-A2 in Qinhuai with
 * PA-3 V2G 11 kW, ST-A3 decommissioned), OP-B in Hangzhou (ST-B1, PB-1 DC 120 kW), OP-C in Suzhou (ST-C1, PC-1 AC 7 kW);
 * unit U-1 holds PA-1, PA-2 and PC-1, unit U-2 is empty.
 */
final class ArchiveWorld {

    private ArchiveWorld() {
    }

    static void build(ProjectionRunner runner) {
        runner.batches(List.of(
                operatorRegistered("OP-A", at(0)),
                operatorRegistered("OP-B", at(0)),
                operatorRegistered("OP-C", at(0)),
                stationRegistered("ST-A1", "OP-A", NANJING_XUANWU, "DA-NJ", at(1)),
                stationRegistered("ST-A2", "OP-A", NANJING_QINHUAI, "DA-NJ", at(1)),
                stationRegistered("ST-A3", "OP-A", NANJING_QINHUAI, "DA-NJ", at(1)),
                event("ST-A3", 1, new StationDecommissionedEvent(new StationId("ST-A3"), new OperatorId("OP-A"), "拆除"), at(2)),
                stationRegistered("ST-B1", "OP-B", HANGZHOU_XIHU, "DA-HZ", at(1)),
                stationRegistered("ST-C1", "OP-C", SUZHOU_GUSU, "DA-SZ", at(1)),
                pileRegistered(pile("PA-1", "OP-A", "ST-A1", NANJING_XUANWU, "DA-NJ", PileType.AC, "7.000"), at(3)),
                pileRegistered(pile("PA-2", "OP-A", "ST-A1", NANJING_XUANWU, "DA-NJ", PileType.DC, "60.000"), at(3)),
                pileRegistered(pile("PA-3", "OP-A", "ST-A2", NANJING_QINHUAI, "DA-NJ", PileType.V2G, "11.000"), at(3)),
                pileRegistered(pile("PB-1", "OP-B", "ST-B1", HANGZHOU_XIHU, "DA-HZ", PileType.DC, "120.000"), at(3)),
                pileRegistered(pile("PC-1", "OP-C", "ST-C1", SUZHOU_GUSU, "DA-SZ", PileType.AC, "7.000"), at(3)),
                unitCreated("U-1", "DA-NJ", "320000", at(4)),
                unitCreated("U-2", "DA-NJ", "320000", at(4)),
                assigned("U-1", 1, "PA-1", "OP-A", at(5)),
                assigned("U-1", 2, "PA-2", "OP-A", at(5)),
                assigned("U-1", 3, "PC-1", "OP-C", at(5))), 5);
    }
}
