package org.evgrid.icc.infra.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.evgrid.icc.coreapi.audit.AuditEventPage;
import org.evgrid.icc.coreapi.audit.AuditEventView;
import org.evgrid.icc.coreapi.audit.FindEventsInRangeQuery;
import org.evgrid.icc.coreapi.audit.FindStreamHistoryQuery;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ledger.chain.LedgerEventSource;
import org.evgrid.icc.ledger.signing.SignedCommandInterceptor;
import org.evgrid.icc.ledger.signing.StoredEnvelopes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Auditor history (issue 5, auditor replay): one stream's events or every event of a time range, each with its type,
 * payload, timestamp, sequence, global position, signer, key, algorithm, envelope digest and the signed command
 * envelope as the signature verifier stored it ({@code command_envelopes}, read with {@link StoredEnvelopes}). Reads the
 * event store directly: the ledger's entries are keyed by chain position, not by stream, and carry digests, not
 * payloads. Time ranges are read in global order through the ledger's {@link LedgerEventSource} (own global index per
 * event) from the store's token at {@code from}, and stop at the first event at or after {@code to}.
 */
@Component
public class AuditHistoryQueries {

    /** The most events of one stream answered at once. */
    public static final int MAX_STREAM_EVENTS = 10_000;
    /** The largest page of a time range. */
    public static final int MAX_LIMIT = 1000;

    private final EventStore events;
    private final LedgerEventSource source;
    private final MongoCollection<Document> envelopes;
    private final EventPositions positions;

    public AuditHistoryQueries(EventStore events, LedgerEventSource source, MongoDatabase database,
                               ObjectProvider<DataSource> dataSource) {
        this.events = events;
        this.source = source;
        this.envelopes = database.getCollection(SignedCommandInterceptor.ENVELOPES);
        this.positions = new EventPositions(dataSource.getIfAvailable());
    }

    /** A stream's events up to an instant, in sequence order. */
    @QueryHandler
    public AuditEventPage handle(FindStreamHistoryQuery query) {
        String streamId = query.streamId();
        if (streamId == null || streamId.isBlank() || streamId.length() > 200) {
            throw IccException.invalid("ICC-AUDIT-STREAM", "streamId", "对象标识不能为空且不超过 200 个字符",
                    "The stream id must be given and at most 200 characters", "Send a stream id such as pile:P-0001");
        }
        List<DomainEventMessage<?>> found = new ArrayList<>();
        DomainEventStream stream = events.readEvents(streamId);
        while (stream.hasNext() && found.size() < MAX_STREAM_EVENTS) {
            DomainEventMessage<?> event = stream.next();
            if (query.upTo() != null && event.getTimestamp().isAfter(query.upTo())) {
                break;
            }
            found.add(event);
        }
        if (found.isEmpty()) {
            throw IccException.notFound("ICC-AUDIT-STREAM-EMPTY", "streamId",
                    "对象 " + streamId + " 在该时间之前没有任何记录",
                    "Stream " + streamId + " has no event" + (query.upTo() == null ? "" : " at or before " + query.upTo()),
                    "Check the stream id (kind:id, e.g. pile:P-0001, bid:BID-1, plan:DP-1) or choose a later upTo");
        }
        Map<String, Long> byEventId = positions.of(streamId);
        Map<String, Document> envelopeCache = new HashMap<>();
        List<AuditEventView> items = found.stream().map(e -> view(e, byEventId.get(e.getIdentifier()), envelopeCache)).toList();
        return new AuditEventPage(items, null);
    }

    /** Every stream's events in [from, to), in global order, one page. */
    @QueryHandler
    public AuditEventPage handle(FindEventsInRangeQuery query) {
        if (query.from() == null || query.to() == null || !query.to().isAfter(query.from())) {
            throw IccException.invalid("ICC-AUDIT-RANGE", "to", "结束时间应晚于开始时间",
                    "The end of the range must be after its start", "Send from and to as ISO-8601 instants with to later than from");
        }
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw IccException.invalid("ICC-AUDIT-LIMIT", "limit", "每页条数应在 1 到 " + MAX_LIMIT + " 之间",
                    "The page size must be between 1 and " + MAX_LIMIT, "Send a limit from 1 to " + MAX_LIMIT);
        }
        long after = query.afterPosition() != null ? query.afterPosition() : startBefore(query.from());
        List<AuditEventView> items = new ArrayList<>();
        Map<String, Document> envelopeCache = new HashMap<>();
        Long next = null;
        try (Stream<TrackedEventMessage<?>> stream = source.readAfter(after)) {
            for (TrackedEventMessage<?> event : (Iterable<TrackedEventMessage<?>>) stream::iterator) {
                Instant at = event.getTimestamp();
                if (!at.isBefore(query.to())) {
                    break;
                }
                if (at.isBefore(query.from())) {
                    continue;
                }
                long position = position(event.trackingToken());
                items.add(view(event, position, envelopeCache));
                if (items.size() == query.limit()) {
                    next = position;
                    break;
                }
            }
        }
        return new AuditEventPage(items, next);
    }

    private long startBefore(Instant from) {
        TrackingToken token = events.createTokenAt(from);
        return token == null ? -1 : position(token);
    }

    private static long position(TrackingToken token) {
        return WrappedToken.unwrapLowerBound(token).position().orElse(-1);
    }

    private AuditEventView view(EventMessage<?> event, Long globalPosition, Map<String, Document> envelopeCache) {
        String streamId = null;
        String aggregateType = null;
        long sequence = -1;
        if (event instanceof DomainEventMessage<?> domain) {
            streamId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            sequence = domain.getSequenceNumber();
        }
        Map<String, String> metadata = new TreeMap<>();
        event.getMetaData().forEach((k, v) -> metadata.put(k, v == null ? null : String.valueOf(v)));
        String digest = metadata.get(SignatureMetadata.ENVELOPE_DIGEST);
        Document stored = digest == null ? null
                : envelopeCache.computeIfAbsent(digest, d -> envelopes.find(Filters.eq("_id", d)).first());
        return new AuditEventView(event.getIdentifier(), streamId, aggregateType, sequence, globalPosition, event.getTimestamp(),
                event.getPayloadType().getName(), event.getPayload(), metadata.get(SignatureMetadata.SIGNER),
                metadata.get(SignatureMetadata.KEY_ID), metadata.get(SignatureMetadata.ALGORITHM), digest,
                stored == null ? null : StoredEnvelopes.signedText(stored), stored == null ? null : stored.getString("signature"),
                metadata);
    }
}
