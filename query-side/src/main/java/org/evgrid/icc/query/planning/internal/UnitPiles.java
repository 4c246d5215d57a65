package org.evgrid.icc.query.planning.internal;

import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileStatus;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.query.archive.internal.ArchiveCollections;
import org.evgrid.icc.query.archive.internal.ArchiveDocuments;
import org.evgrid.icc.query.archive.internal.Memberships;
import org.evgrid.icc.query.telemetry.internal.Units;

/**
 * The piles in service of an aggregation unit, from the archive read model: the unit's membership buckets
 * ({@code arch_pile_members}, {@code UNIT|<unit>|<bucket>}), then the pile documents by {@code _id}. Piles that are
 * decommissioned or (in a stale membership) no longer in the unit are left out.
 */
public final class UnitPiles {

    /** One pile with its limits in W. */
    public record Pile(String pileId, String operatorId, PileType type, long ratedW, long minW, long maxDischargeW) {
    }

    private UnitPiles() {
    }

    /** Whether the unit exists in the archive. */
    public static boolean unitExists(MongoDatabase database, String unitId) {
        return PlanningReads.one(database, ArchiveCollections.UNITS, unitId) != null;
    }

    /** The unit's piles in service, in pile id order. */
    public static List<Pile> of(MongoDatabase database, String unitId) {
        List<String> ids = new ArrayList<>();
        Memberships.piles(database, PileDimension.UNIT, unitId).values().forEach(ids::addAll);
        Map<String, Document> docs = PlanningReads.byIds(database, ArchiveCollections.PILES, ids);
        List<Pile> piles = new ArrayList<>(docs.size());
        for (Document d : docs.values()) {
            if (!PileStatus.ACTIVE.name().equals(d.getString(ArchiveDocuments.STATUS))
                    || !unitId.equals(d.getString(ArchiveDocuments.UNIT_ID))) {
                continue;
            }
            String type = d.getString(ArchiveDocuments.TYPE);
            piles.add(new Pile(d.getString(ArchiveDocuments.ID), d.getString(ArchiveDocuments.OPERATOR_ID),
                    type == null ? null : PileType.valueOf(type),
                    watts(ArchiveDocuments.readDecimal(d, ArchiveDocuments.RATED_POWER_KW)),
                    watts(ArchiveDocuments.readDecimal(d, ArchiveDocuments.MIN_POWER_KW)),
                    watts(ArchiveDocuments.readDecimal(d, ArchiveDocuments.MAX_DISCHARGE_KW))));
        }
        piles.sort(Comparator.comparing(Pile::pileId));
        return piles;
    }

    private static long watts(BigDecimal kw) {
        return kw == null ? 0L : Units.watts(kw);
    }
}
