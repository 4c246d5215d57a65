package org.evgrid.icc.query.telemetry.internal;

import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;

/**
 * The dimensions of one pile as the roll-ups see them at a point of the event stream: operator, station, unit (null
 * when unassigned), dispatch area, province, city, district, rated power in W, and whether it is decommissioned.
 */
public record PileDims(
        String pileId,
        String operatorId,
        String stationId,
        String unitId,
        String dispatchAreaId,
        String provinceCode,
        String cityCode,
        String districtCode,
        long ratedW,
        boolean decommissioned) {

    /** The keys this pile rolls up into, except the unit (which a version records itself). */
    public Map<PileDimension, String> fixedKeys() {
        Map<PileDimension, String> keys = new EnumMap<>(PileDimension.class);
        put(keys, PileDimension.OPERATOR, operatorId);
        put(keys, PileDimension.DISPATCH_AREA, dispatchAreaId);
        put(keys, PileDimension.PROVINCE, provinceCode);
        put(keys, PileDimension.CITY, cityCode);
        put(keys, PileDimension.DISTRICT, districtCode);
        return keys;
    }

    /** The same pile with another unit. */
    public PileDims withUnit(String unit) {
        return new PileDims(pileId, operatorId, stationId, unit, dispatchAreaId, provinceCode, cityCode, districtCode, ratedW,
                decommissioned);
    }

    /** The same pile with another rated power. */
    public PileDims withRatedW(long watts) {
        return new PileDims(pileId, operatorId, stationId, unitId, dispatchAreaId, provinceCode, cityCode, districtCode, watts,
                decommissioned);
    }

    /** The same pile, decommissioned. */
    public PileDims decommission() {
        return new PileDims(pileId, operatorId, stationId, unitId, dispatchAreaId, provinceCode, cityCode, districtCode, ratedW,
                true);
    }

    /** As stored in {@code tel_pile_dims}. */
    public Document toDocument() {
        return new Document("_id", pileId).append("op", operatorId).append("st", stationId).append("u", unitId)
                .append("da", dispatchAreaId).append("pv", provinceCode).append("ct", cityCode).append("di", districtCode)
                .append("kw", ratedW).append("dec", decommissioned);
    }

    /** From a {@code tel_pile_dims} document. */
    public static PileDims of(Document d) {
        return new PileDims(d.getString("_id"), d.getString("op"), d.getString("st"), d.getString("u"), d.getString("da"),
                d.getString("pv"), d.getString("ct"), d.getString("di"), Units.asLong(d.get("kw")),
                Boolean.TRUE.equals(d.getBoolean("dec")));
    }

    private static void put(Map<PileDimension, String> keys, PileDimension dimension, String key) {
        if (key != null && !key.isBlank()) {
            keys.put(dimension, key);
        }
    }
}
