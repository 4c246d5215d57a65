package org.evgrid.icc.query.archive.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.evgrid.icc.coreapi.archive.AggregationUnitCreatedEvent;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.archive.AggregationUnitView;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.OperatorStatus;
import org.evgrid.icc.coreapi.archive.OperatorView;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileStatus;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileView;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.archive.StationRegisteredEvent;
import org.evgrid.icc.coreapi.archive.StationStatus;
import org.evgrid.icc.coreapi.archive.StationView;
import org.evgrid.icc.coreapi.common.Identifier;

/**
 * Maps archive events to read-model documents and documents to views. Amounts are stored as Decimal128 (scale kept),
 * instants as dates (millisecond precision), identifiers as their string values.
 */
public final class ArchiveDocuments {

    public static final String ID = "_id";
    /** The sequence number of the last event of the owning aggregate applied to the document. */
    public static final String SEQ = "seq";
    public static final String STATUS = "status";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String CREATED_AT = "createdAt";
    public static final String NAME = "name";
    public static final String CREDIT_CODE = "creditCode";
    public static final String CONTACT = "contact";
    public static final String SHARE_RATIO = "shareRatio";
    public static final String OPERATOR_ID = "operatorId";
    public static final String STATION_ID = "stationId";
    public static final String DISPATCH_AREA_ID = "dispatchAreaId";
    public static final String REGION = "region";
    public static final String PROVINCE_CODE = "provinceCode";
    public static final String CITY_CODE = "cityCode";
    public static final String DISTRICT_CODE = "districtCode";
    public static final String LOCATION = "location";
    public static final String TYPE = "type";
    public static final String RATED_POWER_KW = "ratedPowerKw";
    public static final String MIN_POWER_KW = "minPowerKw";
    public static final String MAX_DISCHARGE_KW = "maxDischargeKw";
    public static final String CONNECTOR_COUNT = "connectorCount";
    public static final String UNIT_ID = "unitId";
    public static final String BATCH_ID = "batchId";

    private ArchiveDocuments() {
    }

    /** The fields of a newly registered operator (without {@code _id}). */
    public static Document newOperator(OperatorRegisteredEvent e, long seq, Instant at) {
        return new Document(NAME, e.name())
                .append(CREDIT_CODE, e.creditCode())
                .append(CONTACT, contact(e.contact()))
                .append(SHARE_RATIO, decimal(e.shareRatio()))
                .append(STATUS, OperatorStatus.ACTIVE.name())
                .append(SEQ, seq)
                .append(REGISTERED_AT, date(at))
                .append(UPDATED_AT, date(at));
    }

    /** The fields of a newly registered station (without {@code _id}). */
    public static Document newStation(StationRegisteredEvent e, long seq, Instant at) {
        return new Document(OPERATOR_ID, value(e.operatorId()))
                .append(NAME, e.name())
                .append(REGION, region(e.region()))
                .append(LOCATION, location(e.location()))
                .append(DISPATCH_AREA_ID, value(e.dispatchAreaId()))
                .append(STATUS, StationStatus.ACTIVE.name())
                .append(SEQ, seq)
                .append(REGISTERED_AT, date(at))
                .append(UPDATED_AT, date(at));
    }

    /** The fields of a newly registered pile (without {@code _id}). */
    public static Document newPile(PileRegisteredEvent e, long seq, Instant at) {
        return new Document(OPERATOR_ID, value(e.operatorId()))
                .append(STATION_ID, value(e.stationId()))
                .append(DISPATCH_AREA_ID, value(e.dispatchAreaId()))
                .append(REGION, region(e.region()))
                .append(TYPE, e.type() == null ? null : e.type().name())
                .append(RATED_POWER_KW, decimal(e.ratedPowerKw()))
                .append(MIN_POWER_KW, decimal(e.minPowerKw()))
                .append(MAX_DISCHARGE_KW, decimal(e.maxDischargeKw()))
                .append(CONNECTOR_COUNT, e.connectorCount())
                .append(STATUS, PileStatus.ACTIVE.name())
                .append(UNIT_ID, null)
                .append(BATCH_ID, value(e.batchId()))
                .append(SEQ, seq)
                .append(REGISTERED_AT, date(at))
                .append(UPDATED_AT, date(at));
    }

    /** The fields of a newly created aggregation unit (without {@code _id}). */
    public static Document newUnit(AggregationUnitCreatedEvent e, long seq, Instant at) {
        return new Document(NAME, e.name())
                .append(DISPATCH_AREA_ID, value(e.dispatchAreaId()))
                .append(PROVINCE_CODE, e.provinceCode())
                .append(SEQ, seq)
                .append(CREATED_AT, date(at));
    }

    public static OperatorView operatorView(Document d, long stations, long piles) {
        Document contact = d.get(CONTACT, Document.class);
        return new OperatorView(
                new OperatorId(d.getString(ID)),
                d.getString(NAME),
                d.getString(CREDIT_CODE),
                contact == null ? null : new Contact(contact.getString(NAME), contact.getString("phone"), contact.getString("email")),
                readDecimal(d, SHARE_RATIO),
                OperatorStatus.valueOf(d.getString(STATUS)),
                stations,
                piles,
                instant(d, REGISTERED_AT),
                instant(d, UPDATED_AT));
    }

    public static StationView stationView(Document d, long piles) {
        Document location = d.get(LOCATION, Document.class);
        return new StationView(
                new StationId(d.getString(ID)),
                new OperatorId(d.getString(OPERATOR_ID)),
                d.getString(NAME),
                readRegion(d),
                location == null ? null : new GeoPoint(readDecimal(location, "latitude"), readDecimal(location, "longitude")),
                d.getString(DISPATCH_AREA_ID) == null ? null : new DispatchAreaId(d.getString(DISPATCH_AREA_ID)),
                StationStatus.valueOf(d.getString(STATUS)),
                piles,
                instant(d, REGISTERED_AT));
    }

    public static PileView pileView(Document d) {
        return new PileView(
                new PileId(d.getString(ID)),
                new OperatorId(d.getString(OPERATOR_ID)),
                d.getString(STATION_ID) == null ? null : new StationId(d.getString(STATION_ID)),
                d.getString(DISPATCH_AREA_ID) == null ? null : new DispatchAreaId(d.getString(DISPATCH_AREA_ID)),
                readRegion(d),
                d.getString(TYPE) == null ? null : PileType.valueOf(d.getString(TYPE)),
                readDecimal(d, RATED_POWER_KW),
                readDecimal(d, MIN_POWER_KW),
                readDecimal(d, MAX_DISCHARGE_KW),
                d.getInteger(CONNECTOR_COUNT, 0),
                PileStatus.valueOf(d.getString(STATUS)),
                d.getString(UNIT_ID) == null ? null : new AggregationUnitId(d.getString(UNIT_ID)),
                instant(d, REGISTERED_AT),
                instant(d, UPDATED_AT));
    }

    public static AggregationUnitView unitView(Document d, long piles, BigDecimal ratedPowerKw) {
        return new AggregationUnitView(
                new AggregationUnitId(d.getString(ID)),
                d.getString(NAME),
                d.getString(DISPATCH_AREA_ID) == null ? null : new DispatchAreaId(d.getString(DISPATCH_AREA_ID)),
                d.getString(PROVINCE_CODE),
                piles,
                ratedPowerKw,
                instant(d, CREATED_AT));
    }

    /** The stored aggregate sequence of a document; -1 if it has none. */
    public static long seq(Document d) {
        Object seq = d.get(SEQ);
        return seq instanceof Number n ? n.longValue() : -1L;
    }

    /** The region of a station or pile document, or null. */
    public static Region readRegion(Document d) {
        Document region = d.get(REGION, Document.class);
        return region == null ? null
                : new Region(region.getString(PROVINCE_CODE), region.getString(CITY_CODE), region.getString(DISTRICT_CODE));
    }

    public static Document contact(Contact c) {
        return c == null ? null : new Document(NAME, c.name()).append("phone", c.phone()).append("email", c.email());
    }

    public static Document location(GeoPoint p) {
        return p == null ? null : new Document("latitude", decimal(p.latitude())).append("longitude", decimal(p.longitude()));
    }

    public static Document region(Region r) {
        return r == null ? null
                : new Document(PROVINCE_CODE, r.provinceCode()).append(CITY_CODE, r.cityCode()).append(DISTRICT_CODE, r.districtCode());
    }

    public static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    public static BigDecimal readDecimal(Document d, String field) {
        Object value = d.get(field);
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    public static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    public static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    /** The later of the stored {@code updatedAt} and {@code at}, so re-applied older events never move it back. */
    public static Date laterUpdatedAt(Document d, Instant at) {
        Date stored = d.getDate(UPDATED_AT);
        Date candidate = date(at);
        if (stored == null) {
            return candidate;
        }
        return candidate == null || !candidate.after(stored) ? stored : candidate;
    }

    public static String value(Identifier id) {
        return id == null ? null : id.value();
    }
}
