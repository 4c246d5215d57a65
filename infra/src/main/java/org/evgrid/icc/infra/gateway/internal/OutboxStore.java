package org.evgrid.icc.infra.gateway.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.evgrid.icc.ledger.json.IccJson;

/**
 * The outbox collection {@code gateway_outbox}: one document per message to send, {@code _id} = its idempotent request
 * id. Fields: {@code kind}, {@code ref} (bid or instruction id), {@code operatorId} (instructions), {@code payload} (the
 * event as JSON text), {@code status} ({@link Status}), {@code attempt} (attempts made), {@code nextAttemptAt},
 * {@code createdAt}, {@code finishedAt}, {@code lastError}, and for {@code RECORDING} the platform's answer
 * ({@code response}, {@code message}) and the tries to record it ({@code recordTries}). Finished items are deleted
 * after the retention, so the poller's scan stays short.
 */
public final class OutboxStore {

    /** The collection. */
    public static final String COLLECTION = "gateway_outbox";

    /** What an item carries. */
    public enum Kind {
        /** A submitted bid, to the exchange. */
        BID,
        /** A dispatch instruction, to an operator platform. */
        INSTRUCTION,
        /** A demand response performance report, to the exchange. */
        DR_REPORT
    }

    /** Where an item stands. */
    public enum Status {
        /** To send (again) at {@code nextAttemptAt}. */
        PENDING,
        /** Delivered; the answer still has to be recorded at the center. */
        RECORDING,
        /** Delivered and recorded. */
        DELIVERED,
        /** Given up after the last attempt. */
        FAILED
    }

    /** One item as read. */
    public record Item(String id, Kind kind, String ref, String operatorId, String payload, Status status, int attempt,
                       String response, String message, int recordTries, Date nextAttemptAt) {
    }

    private final MongoCollection<Document> collection;
    private final ObjectMapper mapper = IccJson.newMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public OutboxStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** The mapper the payloads are written with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Inserts an item due at once; does nothing when the id is already there (re-delivered event). */
    public void add(String id, Kind kind, String ref, String operatorId, Object event, Instant at) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
        List<Bson> fields = new ArrayList<>(List.of(Updates.setOnInsert("kind", kind.name()), Updates.setOnInsert("ref", ref),
                Updates.setOnInsert("payload", payload), Updates.setOnInsert("status", Status.PENDING.name()),
                Updates.setOnInsert("attempt", 0), Updates.setOnInsert("nextAttemptAt", Date.from(at)),
                Updates.setOnInsert("createdAt", Date.from(at))));
        if (operatorId != null) {
            fields.add(Updates.setOnInsert("operatorId", operatorId));
        }
        collection.updateOne(Filters.eq("_id", id), Updates.combine(fields), new UpdateOptions().upsert(true));
    }

    /** Items to work on now: pending ones that are due, and delivered ones whose answer is due to be recorded (again). */
    public List<Item> due(Instant now) {
        List<Item> items = new ArrayList<>();
        Bson filter = Filters.and(Filters.in("status", Status.PENDING.name(), Status.RECORDING.name()),
                Filters.lte("nextAttemptAt", Date.from(now)));
        for (Document d : collection.find(filter).sort(new Document("createdAt", 1).append("_id", 1))) {
            items.add(new Item(d.getString("_id"), Kind.valueOf(d.getString("kind")), d.getString("ref"), d.getString("operatorId"),
                    d.getString("payload"), Status.valueOf(d.getString("status")), d.getInteger("attempt", 0), d.getString("response"),
                    d.getString("message"), d.getInteger("recordTries", 0), d.getDate("nextAttemptAt")));
        }
        return items;
    }

    /**
     * Takes an item for one attempt: moves its {@code nextAttemptAt} to {@code leaseUntil} if nobody changed the item
     * since it was read, so another node (or a later run after a crash) leaves it alone until then.
     *
     * @return whether this caller has the item
     */
    public boolean claim(Item item, Instant leaseUntil) {
        return collection.updateOne(Filters.and(Filters.eq("_id", item.id()), Filters.eq("status", item.status().name()),
                Filters.eq("nextAttemptAt", item.nextAttemptAt())), Updates.set("nextAttemptAt", Date.from(leaseUntil)))
                .getModifiedCount() == 1;
    }

    /** One item's document, or null. */
    public Document find(String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }

    /** All items (small collection; for tests and diagnostics). */
    public long count() {
        return collection.countDocuments();
    }

    /** Records a delivery whose answer must still be recorded at the center. */
    public void recording(String id, int attempt, String response, String message) {
        Document set = new Document("status", Status.RECORDING.name()).append("attempt", attempt).append("recordTries", 0)
                .append("nextAttemptAt", new Date(0));
        if (response != null) {
            set.append("response", response);
        }
        if (message != null) {
            set.append("message", message);
        }
        collection.updateOne(Filters.eq("_id", id), new Document("$set", set));
    }

    /** Records a failed try to record the delivery at the center: again at {@code next}. */
    public void recordFailed(String id, int tries, String error, Instant next) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("recordTries", tries), Updates.set("lastError", error),
                Updates.set("nextAttemptAt", Date.from(next))));
    }

    /** Marks an item delivered (and recorded). */
    public void delivered(String id, int attempt, Instant now) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", Status.DELIVERED.name()),
                Updates.set("attempt", attempt), Updates.set("finishedAt", Date.from(now))));
    }

    /** Records a failed attempt: again at {@code next}, or given up when {@code next} is null. */
    public void failed(String id, int attempt, String error, Instant now, Instant next) {
        List<Bson> set = new ArrayList<>(List.of(Updates.set("attempt", attempt), Updates.set("lastError", error)));
        if (next == null) {
            set.add(Updates.set("status", Status.FAILED.name()));
            set.add(Updates.set("finishedAt", Date.from(now)));
        } else {
            set.add(Updates.set("nextAttemptAt", Date.from(next)));
        }
        collection.updateOne(Filters.eq("_id", id), Updates.combine(set));
    }

    /** Deletes delivered and failed items finished before the given time; answers how many. */
    public long removeFinishedBefore(Instant before) {
        return collection.deleteMany(Filters.and(Filters.in("status", Status.DELIVERED.name(), Status.FAILED.name()),
                Filters.lt("finishedAt", Date.from(before)))).getDeletedCount();
    }
}
