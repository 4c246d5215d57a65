package org.evgrid.icc.infra.diagnosis.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.evgrid.icc.coreapi.diagnosis.LedgerVerificationRecord;

/**
 * Verdicts of the background ledger verification in {@code diag_ledger_verifications}, {@code _id} = UTC time
 * (yyyyMMdd'T'HHmmss.SSS'Z') + mode, so ids sort by time. One record an hour: the collection stays small.
 */
public final class VerificationStore {

    public static final String COLLECTION = "diag_ledger_verifications";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final MongoCollection<Document> collection;

    public VerificationStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** A time-ordered id. */
    public static String idOf(Instant at, String mode) {
        return ID_TIME.format(at) + "-" + mode;
    }

    /** Stores (or replaces, when retried) a verdict. */
    public void save(LedgerVerificationRecord r) {
        Document doc = new Document("_id", r.id()).append("at", Date.from(r.at())).append("mode", r.mode())
                .append("fromSeq", r.fromSeq()).append("toSeq", r.toSeq()).append("checked", r.checked())
                .append("intact", r.intact()).append("firstBrokenSeq", r.firstBrokenSeq()).append("reason", r.reason())
                .append("headSeq", r.headSeq()).append("durationMillis", r.durationMillis());
        collection.replaceOne(Filters.eq("_id", r.id()), doc, new ReplaceOptions().upsert(true));
    }

    /** The newest verdicts, newest first. */
    public List<LedgerVerificationRecord> newest(int limit) {
        List<LedgerVerificationRecord> found = new ArrayList<>();
        for (Document d : collection.find().sort(Sorts.descending("_id")).limit(limit)) {
            found.add(new LedgerVerificationRecord(d.getString("_id"), d.getDate("at").toInstant(), d.getString("mode"),
                    number(d, "fromSeq"), number(d, "toSeq"), number(d, "checked"), d.getBoolean("intact", false),
                    d.get("firstBrokenSeq") == null ? null : number(d, "firstBrokenSeq"), d.getString("reason"),
                    number(d, "headSeq"), number(d, "durationMillis")));
        }
        return found;
    }

    /** The newest verdict, or null. */
    public LedgerVerificationRecord latest() {
        List<LedgerVerificationRecord> newest = newest(1);
        return newest.isEmpty() ? null : newest.get(0);
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
