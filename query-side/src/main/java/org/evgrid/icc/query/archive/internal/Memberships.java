package org.evgrid.icc.query.archive.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileType;

/**
 * Membership buckets: which piles in service a dimension key holds (by pile type), and which stations in service an
 * operator has. Each set is split over {@value #BUCKETS} documents by the hash of the member id, so that no document
 * grows without bound and every read is by {@code _id}.
 */
public final class Memberships {

    /** Buckets per membership set. */
    public static final int BUCKETS = 16;
    /** The array field of a station bucket. */
    public static final String STATIONS_FIELD = "stations";

    private Memberships() {
    }

    /** The bucket a member id falls into: {@code Math.floorMod(id.hashCode(), 16)} of the id's string value. */
    public static int bucket(String memberId) {
        return Math.floorMod(memberId.hashCode(), BUCKETS);
    }

    /** {@code <DIMENSION>|<key>|<bucket>}. */
    public static String pileBucketId(PileDimension dimension, String key, int bucket) {
        return dimension.name() + "|" + key + "|" + bucket;
    }

    /** The bucket document holding a pile under a dimension key. */
    public static String pileBucketIdOf(PileDimension dimension, String key, String pileId) {
        return pileBucketId(dimension, key, bucket(pileId));
    }

    /** {@code <operatorId>|<bucket>}. */
    public static String stationBucketId(String operatorId, int bucket) {
        return operatorId + "|" + bucket;
    }

    /**
     * The dimension keys of a pile document (or of the fields of a new one): operator, station, dispatch area, unit
     * (if assigned), province, city and district (where given).
     */
    public static Map<PileDimension, String> keysOf(Document pile) {
        Map<PileDimension, String> keys = new EnumMap<>(PileDimension.class);
        put(keys, PileDimension.OPERATOR, pile.getString(ArchiveDocuments.OPERATOR_ID));
        put(keys, PileDimension.STATION, pile.getString(ArchiveDocuments.STATION_ID));
        put(keys, PileDimension.DISPATCH_AREA, pile.getString(ArchiveDocuments.DISPATCH_AREA_ID));
        put(keys, PileDimension.UNIT, pile.getString(ArchiveDocuments.UNIT_ID));
        Document region = pile.get(ArchiveDocuments.REGION, Document.class);
        if (region != null) {
            put(keys, PileDimension.PROVINCE, region.getString(ArchiveDocuments.PROVINCE_CODE));
            put(keys, PileDimension.CITY, region.getString(ArchiveDocuments.CITY_CODE));
            put(keys, PileDimension.DISTRICT, region.getString(ArchiveDocuments.DISTRICT_CODE));
        }
        return keys;
    }

    /** The piles in service under a dimension key, by type (every type present, unsorted). */
    public static Map<PileType, List<String>> piles(MongoDatabase database, PileDimension dimension, String key) {
        List<String> ids = new ArrayList<>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            ids.add(pileBucketId(dimension, key, b));
        }
        Map<PileType, List<String>> byType = new EnumMap<>(PileType.class);
        for (PileType type : PileType.values()) {
            byType.put(type, new ArrayList<>());
        }
        for (Document bucket : database.getCollection(ArchiveCollections.PILE_MEMBERS).find(Filters.in("_id", ids))) {
            for (PileType type : PileType.values()) {
                byType.get(type).addAll(bucket.getList(type.name(), String.class, List.of()));
            }
        }
        return byType;
    }

    /** How many piles in service a dimension key holds, by type (every type present). */
    public static Map<PileType, Long> countPiles(MongoDatabase database, PileDimension dimension, String key) {
        Map<PileType, Long> counts = new LinkedHashMap<>();
        piles(database, dimension, key).forEach((type, ids) -> counts.put(type, (long) ids.size()));
        return counts;
    }

    /** How many piles in service a dimension key holds. */
    public static long totalPiles(MongoDatabase database, PileDimension dimension, String key) {
        return countPiles(database, dimension, key).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The stations in service of an operator (unsorted). */
    public static List<String> stations(MongoDatabase database, String operatorId) {
        List<String> ids = new ArrayList<>(BUCKETS);
        for (int b = 0; b < BUCKETS; b++) {
            ids.add(stationBucketId(operatorId, b));
        }
        List<String> stations = new ArrayList<>();
        for (Document bucket : database.getCollection(ArchiveCollections.STATION_MEMBERS).find(Filters.in("_id", ids))) {
            stations.addAll(bucket.getList(STATIONS_FIELD, String.class, List.of()));
        }
        return stations;
    }

    private static void put(Map<PileDimension, String> keys, PileDimension dimension, String key) {
        if (key != null && !key.isBlank()) {
            keys.put(dimension, key);
        }
    }
}
