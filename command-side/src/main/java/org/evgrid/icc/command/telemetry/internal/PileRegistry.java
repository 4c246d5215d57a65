package org.evgrid.icc.command.telemetry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorRegisteredEvent;
import org.evgrid.icc.coreapi.archive.OperatorReinstatedEvent;
import org.evgrid.icc.coreapi.archive.OperatorSuspendedEvent;
import org.evgrid.icc.coreapi.archive.PileDecommissionedEvent;
import org.evgrid.icc.coreapi.archive.PileRegisteredEvent;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileUpdatedEvent;
import org.springframework.stereotype.Component;

/**
 * The operators and piles ingestion validates against, without loading 5,000 aggregates per batch.
 *
 * <p>Stored in collection {@value #COLLECTION}, addressed by {@code _id} only: per operator one document
 * {@code <operatorId>|op} ({@code suspended}) and {@value #BUCKETS} bucket documents {@code <operatorId>|<nn>} (nn =
 * {@code floorMod(pileId.hashCode(), 64)}, two digits) holding one sub-document per pile under {@code piles.<key>}
 * (key = pile id with '.' escaped as {@code %2E}): {@code id, t, rw, mw, dw, cc, dec} (power in W). Collection
 * {@value #OWNERS} maps a pile id to its operator ({@code {_id: pileId, op}}), to tell "another operator's pile"
 * from "unknown pile". Every write is an idempotent {@code $set}.
 *
 * <p>An operator is loaded into memory on first use (65 {@code _id} reads) and kept current by the same
 * handlers after each commit; at most {@value #MAX_OPERATORS} operators are held (least recently used leave).
 * Processing group {@value #PROCESSING_GROUP}, which must be a subscribing processor (it sees only events published
 * after it exists: for an event store with older archive events, call {@link #rebuild(EventStore)} once).
 */
@Component
@ProcessingGroup(PileRegistry.PROCESSING_GROUP)
public class PileRegistry implements PileDirectory {

    /** The processing group; configure it as a subscribing processor. */
    public static final String PROCESSING_GROUP = "command-lookups";
    /** The registry collection. */
    public static final String COLLECTION = "cmd_pile_registry";
    /** The pile-to-operator collection. */
    public static final String OWNERS = "cmd_pile_owners";
    /** Bucket documents per operator. */
    public static final int BUCKETS = 64;
    /** Operators held in memory at most. */
    public static final int MAX_OPERATORS = 1024;
    /** Most owner lookups for one batch (piles not of the sending operator). */
    public static final int MAX_OWNER_LOOKUPS = 200;

    /** Events per bulk write when rebuilding. */
    public static final int REBUILD_BATCH = 1000;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Set<Class<?>> REBUILT = Set.of(OperatorRegisteredEvent.class, OperatorSuspendedEvent.class,
            OperatorReinstatedEvent.class, PileRegisteredEvent.class, PileUpdatedEvent.class, PileDecommissionedEvent.class);

    private final MongoCollection<Document> registry;
    private final MongoCollection<Document> owners;
    private final Map<String, OperatorPiles> cache = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();
    private final String bufferKey = PileRegistry.class.getName() + ".writes@" + System.identityHashCode(this);

    public PileRegistry(MongoDatabase database) {
        this.registry = database.getCollection(COLLECTION);
        this.owners = database.getCollection(OWNERS);
    }

    /** The bucket document id of a pile. */
    public static String bucketId(String operatorId, String pileId) {
        return String.format("%s|%02d", operatorId, Math.floorMod(pileId.hashCode(), BUCKETS));
    }

    /** The key of a pile within its bucket's {@code piles} (no '.', which Mongo reads as a path). */
    public static String key(String pileId) {
        return pileId.replace(".", "%2E");
    }

    @Override
    public OperatorPiles operator(String operatorId) {
        OperatorPiles piles = cache.computeIfAbsent(operatorId, this::load);
        piles.used(ticks.incrementAndGet());
        if (cache.size() > MAX_OPERATORS) {
            evictOtherThan(operatorId);
        }
        return piles;
    }

    @Override
    public Map<String, String> owners(Collection<String> pileIds) {
        Map<String, String> found = new HashMap<>();
        int lookups = 0;
        for (String pileId : pileIds) {
            if (lookups++ >= MAX_OWNER_LOOKUPS) {
                break;
            }
            Document owner = owners.find(Filters.eq("_id", pileId)).first();
            if (owner != null) {
                found.put(pileId, owner.getString("op"));
            }
        }
        return found;
    }

    /**
     * Rebuilds the registry from every stored event (for a store whose archive events predate the registry): applies the
     * operator and pile events again in batches of {@value #REBUILD_BATCH} (every write is an idempotent {@code $set})
     * and empties the in-memory cache. Answers how many events were applied.
     */
    public long rebuild(EventStore events) {
        long applied = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            UnitOfWork<?> batch = null;
            int inBatch = 0;
            while (stream.hasNextAvailable()) {
                Object payload = stream.nextAvailable().getPayload();
                if (!REBUILT.contains(payload.getClass())) {
                    continue;
                }
                if (batch == null) {
                    batch = DefaultUnitOfWork.startAndGet(null);
                }
                apply(payload);
                applied++;
                if (++inBatch == REBUILD_BATCH) {
                    batch.commit();
                    batch = null;
                    inBatch = 0;
                }
            }
            if (batch != null) {
                batch.commit();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the pile registry", e);
        }
        cache.clear();
        return applied;
    }

    private void apply(Object payload) {
        if (payload instanceof OperatorRegisteredEvent e) {
            on(e);
        } else if (payload instanceof OperatorSuspendedEvent e) {
            on(e);
        } else if (payload instanceof OperatorReinstatedEvent e) {
            on(e);
        } else if (payload instanceof PileRegisteredEvent e) {
            on(e);
        } else if (payload instanceof PileUpdatedEvent e) {
            on(e);
        } else if (payload instanceof PileDecommissionedEvent e) {
            on(e);
        }
    }

    private OperatorPiles load(String operatorId) {
        OperatorPiles piles = new OperatorPiles(operatorId);
        Document operator = registry.find(Filters.eq("_id", operatorId + "|op")).first();
        piles.status(operator != null, operator != null && Boolean.TRUE.equals(operator.getBoolean("suspended")));
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            Document doc = registry.find(Filters.eq("_id", String.format("%s|%02d", operatorId, bucket))).first();
            Document entries = doc == null ? null : doc.get("piles", Document.class);
            if (entries != null) {
                for (Object entry : entries.values()) {
                    piles.put(fromDocument(operatorId, (Document) entry));
                }
            }
        }
        return piles;
    }

    private void evictOtherThan(String operatorId) {
        cache.entrySet().stream().filter(e -> !e.getKey().equals(operatorId))
                .min((a, b) -> Long.compare(a.getValue().lastUsed(), b.getValue().lastUsed()))
                .ifPresent(e -> cache.remove(e.getKey(), e.getValue()));
    }

    private static RegisteredPile fromDocument(String operatorId, Document d) {
        return new RegisteredPile(d.getString("id"), operatorId, PileType.valueOf(d.getString("t")), number(d, "rw"),
                number(d, "mw"), number(d, "dw"), d.getInteger("cc", 1), Boolean.TRUE.equals(d.getBoolean("dec")));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static long watts(BigDecimal kw) {
        return kw == null ? 0L : kw.multiply(THOUSAND).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    @EventHandler
    void on(OperatorRegisteredEvent event) {
        operatorStatus(event.operatorId().value(), false);
    }

    @EventHandler
    void on(OperatorSuspendedEvent event) {
        operatorStatus(event.operatorId().value(), true);
    }

    @EventHandler
    void on(OperatorReinstatedEvent event) {
        operatorStatus(event.operatorId().value(), false);
    }

    private void operatorStatus(String operatorId, boolean suspended) {
        write(registry, new UpdateOneModel<>(Filters.eq("_id", operatorId + "|op"),
                Updates.combine(Updates.set("op", operatorId), Updates.set("suspended", suspended)), new UpdateOptions().upsert(true)),
                () -> cache.computeIfPresent(operatorId, (id, piles) -> {
                    piles.status(true, suspended);
                    return piles;
                }));
    }

    @EventHandler
    void on(PileRegisteredEvent event) {
        String operatorId = event.operatorId().value();
        RegisteredPile pile = new RegisteredPile(event.pileId().value(), operatorId, event.type(), watts(event.ratedPowerKw()),
                watts(event.minPowerKw()), watts(event.maxDischargeKw()), event.connectorCount(), false);
        Document entry = new Document("id", pile.pileId()).append("t", pile.type().name()).append("rw", pile.ratedW())
                .append("mw", pile.minW()).append("dw", pile.maxDischargeW()).append("cc", pile.connectors()).append("dec", false);
        setInBucket(operatorId, pile.pileId(), new Document("piles." + key(pile.pileId()), entry), () -> cached(operatorId, pile));
        write(owners, new UpdateOneModel<>(Filters.eq("_id", pile.pileId()), Updates.set("op", operatorId),
                new UpdateOptions().upsert(true)), null);
    }

    @EventHandler
    void on(PileUpdatedEvent event) {
        String operatorId = event.operatorId().value();
        String pileId = event.pileId().value();
        long ratedW = watts(event.ratedPowerKw());
        long minW = watts(event.minPowerKw());
        long dischargeW = watts(event.maxDischargeKw());
        String path = "piles." + key(pileId) + ".";
        setInBucket(operatorId, pileId, new Document(path + "rw", ratedW).append(path + "mw", minW).append(path + "dw", dischargeW)
                .append(path + "cc", event.connectorCount()), () -> cachedChange(operatorId, pileId,
                    p -> new RegisteredPile(pileId, operatorId, p.type(), ratedW, minW, dischargeW, event.connectorCount(), p.decommissioned())));
    }

    @EventHandler
    void on(PileDecommissionedEvent event) {
        String operatorId = event.operatorId().value();
        String pileId = event.pileId().value();
        setInBucket(operatorId, pileId, new Document("piles." + key(pileId) + ".dec", true), () -> cachedChange(operatorId, pileId,
                    p -> new RegisteredPile(pileId, operatorId, p.type(), p.ratedW(), p.minW(), p.maxDischargeW(), p.connectors(), true)));
    }

    private void cached(String operatorId, RegisteredPile pile) {
        cache.computeIfPresent(operatorId, (id, piles) -> {
            piles.put(pile);
            return piles;
        });
    }

    private void cachedChange(String operatorId, String pileId, UnaryOperator<RegisteredPile> change) {
        cache.computeIfPresent(operatorId, (id, piles) -> {
            RegisteredPile pile = piles.pile(pileId);
            if (pile != null) {
                piles.put(change.apply(pile));
            }
            return piles;
        });
    }

    private record Writes(Map<MongoCollection<Document>, List<WriteModel<Document>>> models, Map<String, Document> bucketSets,
                          List<Runnable> cacheChanges) {
    }

    /**
     * Buffers {@code $set}s on a pile's bucket document; all of a command's sets on one bucket become one update. The
     * store rewrites a whole document per update, so a 1,000-pile import written pile by pile rewrote each bucket
     * (hundreds of KB for a large operator) about 16 times: registering 300,000 piles slowed to ~265 piles/s.
     */
    private void setInBucket(String operatorId, String pileId, Document sets, Runnable cacheChange) {
        String bucket = bucketId(operatorId, pileId);
        if (!CurrentUnitOfWork.isStarted()) {
            registry.updateOne(Filters.eq("_id", bucket), new Document("$set", new Document(sets).append("op", operatorId)),
                    new UpdateOptions().upsert(true));
            if (cacheChange != null) {
                cacheChange.run();
            }
            return;
        }
        Writes writes = buffer();
        merge(writes.bucketSets().computeIfAbsent(bucket, b -> new Document("op", operatorId)), sets);
        if (cacheChange != null) {
            writes.cacheChanges().add(cacheChange);
        }
    }

    /**
     * Adds sets to a buffered {@code $set} document without conflicting paths: a field of a pile entry set in the
     * same command as the whole entry goes into that entry; a whole entry replaces earlier sets of its fields.
     */
    private static void merge(Document buffered, Document sets) {
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            String path = set.getKey();
            int lastDot = path.lastIndexOf('.');
            String parent = lastDot > "piles.".length() ? path.substring(0, lastDot) : null;
            if (parent != null && buffered.get(parent) instanceof Document entry) {
                entry.put(path.substring(lastDot + 1), set.getValue());
            } else {
                buffered.keySet().removeIf(k -> k.startsWith(path + "."));
                buffered.put(path, set.getValue() instanceof Document d ? new Document(d) : set.getValue());
            }
        }
    }

    private Writes buffer() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(bufferKey, key -> {
            Writes buffer = new Writes(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
            unitOfWork.onPrepareCommit(u -> {
                if (!buffer.bucketSets().isEmpty()) {
                    List<WriteModel<Document>> updates = new ArrayList<>();
                    buffer.bucketSets().forEach((bucket, sets) -> updates.add(new UpdateOneModel<>(Filters.eq("_id", bucket),
                            new Document("$set", sets), new UpdateOptions().upsert(true))));
                    registry.bulkWrite(updates, new BulkWriteOptions().ordered(true));
                }
                buffer.models().forEach((c, models) -> c.bulkWrite(models, new BulkWriteOptions().ordered(true)));
            });
            unitOfWork.root().afterCommit(u -> buffer.cacheChanges().forEach(Runnable::run));
            return buffer;
        });
    }

    /** Buffers a store write for one bulk write per collection, and applies the cache change once the command commits. */
    private void write(MongoCollection<Document> collection, WriteModel<Document> model, Runnable cacheChange) {
        if (!CurrentUnitOfWork.isStarted()) {
            collection.bulkWrite(List.of(model));
            if (cacheChange != null) {
                cacheChange.run();
            }
            return;
        }
        Writes writes = buffer();
        writes.models().computeIfAbsent(collection, c -> new ArrayList<>()).add(model);
        if (cacheChange != null) {
            writes.cacheChanges().add(cacheChange);
        }
    }
}
