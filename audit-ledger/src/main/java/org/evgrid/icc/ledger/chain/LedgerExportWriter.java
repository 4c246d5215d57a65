package org.evgrid.icc.ledger.chain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.bson.Document;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.ledger.ConsistencyProofView;
import org.evgrid.icc.coreapi.ledger.LedgerExportRequest;
import org.evgrid.icc.coreapi.ledger.LedgerExporter;
import org.evgrid.icc.coreapi.ledger.TreeHeadView;
import org.evgrid.icc.ledger.chain.internal.ChainEntry;
import org.evgrid.icc.ledger.chain.internal.ChainHead;
import org.evgrid.icc.ledger.chain.internal.Checkpoint;
import org.evgrid.icc.ledger.chain.internal.CheckpointSealer;
import org.evgrid.icc.ledger.chain.internal.LedgerStore;
import org.evgrid.icc.ledger.chain.internal.MerkleLog;
import org.evgrid.icc.ledger.export.ExportFormat;
import org.evgrid.icc.ledger.json.IccJson;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.evgrid.icc.ledger.merkle.MerkleProofShapes;
import org.evgrid.icc.ledger.merkle.MerkleRange;
import org.evgrid.icc.ledger.merkle.TreeHead;
import org.evgrid.icc.ledger.signing.SignedCommandInterceptor;
import org.evgrid.icc.ledger.signing.StoredEnvelopes;
import org.springframework.stereotype.Component;

/**
 * Auditor exports ({@link ExportFormat}): every entry of a range with its event (re-read from the event store), its
 * signed command envelope, its chain hash and its inclusion proof against the export's signed tree head. The tree head
 * is the one at the ledger's head when the export is prepared (sealed then if none exists at that size). Streams chunk
 * by chunk ({@value #CHUNK} entries): memory does not grow with the range. What the stores lack is left out, not
 * invented: an entry missing from the ledger has no line, an event missing from the event store has a null payload, an
 * inclusion proof that cannot be built (nodes missing) is null; the offline verifier reports each.
 */
@Component
public class LedgerExportWriter implements LedgerExporter {

    private static final int CHUNK = LedgerStore.MAX_LOOKUP;

    private final LedgerStore store;
    private final PayloadCanonicalizer canonicalizer;
    private final CheckpointSealer sealer;
    private final LedgerEventSource events;
    private final LedgerProofs proofs;
    private final MongoCollection<Document> envelopes;
    private final ObjectMapper mapper = IccJson.newMapper();

    public LedgerExportWriter(MongoDatabase database, PayloadCanonicalizer canonicalizer, LedgerSigner signer, Clock clock,
                              LedgerEventSource events) {
        this.store = new LedgerStore(database);
        this.canonicalizer = canonicalizer;
        this.sealer = new CheckpointSealer(signer, clock);
        this.events = events;
        this.proofs = new LedgerProofs(database);
        this.envelopes = database.getCollection(SignedCommandInterceptor.ENVELOPES);
    }

    @Override
    public Prepared prepare(LedgerExportRequest request) {
        ChainHead head = store.loadHead();
        if (head.seq() < 0) {
            throw IccException.unprocessable("ICC-LEDGER-EXPORT-EMPTY", null, "账本为空，没有可导出的记录",
                    "The ledger is empty: there is nothing to export", "Export again once events have been recorded");
        }
        long last = head.seq();
        long from = request.fromSeq() == null ? 0 : request.fromSeq();
        long to = request.toSeq() == null ? last : Math.min(request.toSeq(), last);
        if (from < 0 || from > last) {
            throw IccException.invalid("ICC-LEDGER-EXPORT-FROM", "from", "起始位置应在 0 到 " + last + " 之间",
                    "The first position must be between 0 and " + last, "Send a from between 0 and " + last);
        }
        if (to < from) {
            throw IccException.invalid("ICC-LEDGER-EXPORT-TO", "to", "结束位置不能小于起始位置",
                    "The last position cannot be smaller than the first", "Send a to equal to or greater than from");
        }
        if (request.since() != null && request.until() != null && !request.until().isAfter(request.since())) {
            throw IccException.invalid("ICC-LEDGER-EXPORT-TIME", "until", "结束时间应晚于开始时间",
                    "The end time must be after the start time", "Send an until later than since");
        }
        Long trusted = request.trustedTreeSize();
        if (trusted != null && (trusted < 1 || trusted > last + 1)) {
            throw IccException.invalid("ICC-LEDGER-EXPORT-TRUSTED", "trustedTreeSize",
                    "可信树头的大小应在 1 到 " + (last + 1) + " 之间",
                    "The trusted tree size must be between 1 and " + (last + 1),
                    "Send the treeSize of a tree head you obtained earlier");
        }
        TreeHead treeHead = treeHeadAt(head);
        ConsistencyProofView consistency = trusted == null ? null : proofs.consistency(trusted, treeHead.treeSize());
        return new Export(request, from, to, treeHead, consistency);
    }

    private TreeHead treeHeadAt(ChainHead head) {
        Optional<Checkpoint> existing = store.findCheckpoint(head.seq());
        if (existing.isEmpty() || existing.get().rootHash() == null) {
            String root = MerkleHashes.hex(new MerkleLog(store).frontierAt(head.seq() + 1).root());
            Checkpoint sealed = sealer.seal(head.seq(), head.hash(), root);
            if (existing.isPresent()) {
                return sealed.treeHead();
            }
            store.insertCheckpointsIfAbsent(List.of(sealed));
            existing = store.findCheckpoint(head.seq());
        }
        return existing.orElseThrow().treeHead();
    }

    private static long position(TrackedEventMessage<?> event) {
        return WrappedToken.unwrapLowerBound(event.trackingToken()).position().orElse(-1);
    }

    /** One prepared export. */
    private final class Export implements Prepared {

        private final LedgerExportRequest request;
        private final long from;
        private final long to;
        private final TreeHead treeHead;
        private final ConsistencyProofView consistency;

        Export(LedgerExportRequest request, long from, long to, TreeHead treeHead, ConsistencyProofView consistency) {
            this.request = request;
            this.from = from;
            this.to = to;
            this.treeHead = treeHead;
            this.consistency = consistency;
        }

        @Override
        public TreeHeadView treeHead() {
            return LedgerProofs.view(treeHead);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writeLine(writer, header());
            long count = 0;
            long withEnvelope = 0;
            Long first = null;
            Long lastIndex = null;
            for (long chunkStart = from; chunkStart <= to; chunkStart += CHUNK) {
                long chunkEnd = Math.min(to, chunkStart + CHUNK - 1);
                Map<Long, ChainEntry> found = store.findEntries(chunkStart, chunkEnd);
                List<ChainEntry> selected = new ArrayList<>();
                for (long seq = chunkStart; seq <= chunkEnd; seq++) {
                    ChainEntry entry = found.get(seq);
                    if (entry != null && selected(entry)) {
                        selected.add(entry);
                    }
                }
                if (selected.isEmpty()) {
                    continue;
                }
                for (ObjectNode line : lines(selected)) {
                    writeLine(writer, line);
                    count++;
                    if (line.get("envelope").isObject()) {
                        withEnvelope++;
                    }
                    long leaf = line.get("leafIndex").asLong();
                    first = first == null ? leaf : first;
                    lastIndex = leaf;
                }
                writer.flush();
            }
            ObjectNode trailer = mapper.createObjectNode().put("type", ExportFormat.TRAILER).put("entries", count)
                    .put("withEnvelope", withEnvelope);
            trailer.put("firstLeafIndex", first);
            trailer.put("lastLeafIndex", lastIndex);
            writeLine(writer, trailer);
            writer.flush();
        }

        private boolean selected(ChainEntry entry) {
            if (request.aggregateId() != null && !request.aggregateId().equals(entry.aggregateId())) {
                return false;
            }
            Instant time = entry.eventTime();
            if (request.since() != null && (time == null || time.isBefore(request.since()))) {
                return false;
            }
            return request.until() == null || (time != null && time.isBefore(request.until()));
        }

        private ObjectNode header() {
            ObjectNode header = mapper.createObjectNode().put("type", ExportFormat.HEADER).put("format", ExportFormat.FORMAT);
            header.set("treeHead", treeHead.toJson());
            ObjectNode range = header.putObject("range").put("from", from).put("to", to);
            range.put("since", request.since() == null ? null : request.since().toString());
            range.put("until", request.until() == null ? null : request.until().toString());
            range.put("aggregateId", request.aggregateId());
            if (consistency != null) {
                ObjectNode c = header.putObject("consistency").put("first", consistency.first()).put("second", consistency.second());
                ArrayNode proof = c.putArray("proof");
                consistency.proof().forEach(proof::add);
            }
            return header;
        }

        private List<ObjectNode> lines(List<ChainEntry> selected) {
            Map<Long, TrackedEventMessage<?>> byGlobalIndex = eventsOf(selected);
            Map<String, Document> envelopesByDigest = envelopesOf(selected);
            List<MerkleRange> shapes = new ArrayList<>();
            List<Integer> proofSizes = new ArrayList<>();
            for (ChainEntry entry : selected) {
                List<MerkleRange> shape = MerkleProofShapes.inclusion(entry.seq(), treeHead.treeSize());
                shapes.addAll(shape);
                proofSizes.add(shape.size());
            }
            List<byte[]> hashes = MerkleProofShapes.resolveOrNull(shapes, store::findNodes);
            List<ObjectNode> lines = new ArrayList<>(selected.size());
            int at = 0;
            for (int i = 0; i < selected.size(); i++) {
                ChainEntry entry = selected.get(i);
                ObjectNode line = entryLine(entry, byGlobalIndex.get(entry.globalIndex()), envelopesByDigest.get(entry.envelopeDigest()));
                List<byte[]> path = hashes.subList(at, at + proofSizes.get(i));
                if (path.contains(null)) {
                    line.putNull("inclusionProof");
                } else {
                    ArrayNode proof = line.putArray("inclusionProof");
                    path.forEach(hash -> proof.add(MerkleHashes.hex(hash)));
                }
                at += proofSizes.get(i);
                lines.add(line);
            }
            return lines;
        }

        private ObjectNode entryLine(ChainEntry entry, TrackedEventMessage<?> event, Document envelope) {
            ObjectNode line = mapper.createObjectNode().put("type", ExportFormat.ENTRY).put("leafIndex", entry.seq())
                    .put("globalIndex", entry.globalIndex()).put("eventId", entry.eventId()).put("eventType", entry.payloadType())
                    .put("aggregateType", entry.aggregateType()).put("aggregateId", entry.aggregateId());
            line.put("aggregateSeq", entry.aggregateSeq());
            boolean found = event != null && event.getIdentifier().equals(entry.eventId());
            Instant time = found ? event.getTimestamp() : entry.eventTime();
            line.put("timestamp", time == null ? null : time.toString());
            if (found) {
                line.set("payload", payloadJson(event.getPayload()));
                ObjectNode metadata = line.putObject("metadata");
                event.getMetaData().forEach((key, value) -> metadata.set(key, mapper.valueToTree(value)));
            } else {
                line.putNull("payload");
                line.putNull("metadata");
            }
            line.put("payloadDigest", entry.payloadDigest()).put("envelopeDigest", entry.envelopeDigest())
                    .put("previousHash", entry.previousHash()).put("hash", entry.hash());
            if (envelope == null) {
                line.putNull("envelope");
            } else {
                line.putObject("envelope").put("signed", StoredEnvelopes.signedText(envelope)).put("signature", envelope.getString("signature"));
            }
            return line;
        }

        private JsonNode payloadJson(Object payload) {
            try {
                return mapper.readTree(canonicalizer.canonicalBytes(payload));
            } catch (IOException | RuntimeException e) {
                return mapper.getNodeFactory().textNode("unreadable payload: " + e.getMessage());
            }
        }

        private Map<Long, TrackedEventMessage<?>> eventsOf(List<ChainEntry> selected) {
            Map<Long, ChainEntry> wanted = new HashMap<>();
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (ChainEntry entry : selected) {
                wanted.put(entry.globalIndex(), entry);
                min = Math.min(min, entry.globalIndex());
                max = Math.max(max, entry.globalIndex());
            }
            Map<Long, TrackedEventMessage<?>> found = new HashMap<>();
            try (Stream<TrackedEventMessage<?>> stream = events.readAfter(min - 1)) {
                Iterator<TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    long index = position(event);
                    if (index > max) {
                        break;
                    }
                    if (wanted.containsKey(index)) {
                        found.put(index, event);
                    }
                }
            }
            return found;
        }

        private Map<String, Document> envelopesOf(List<ChainEntry> selected) {
            List<String> digests = selected.stream().map(ChainEntry::envelopeDigest).filter(d -> !LedgerHashes.ZERO_HASH.equals(d))
                    .distinct().toList();
            Map<String, Document> found = new HashMap<>();
            if (!digests.isEmpty()) {
                for (Document doc : envelopes.find(Filters.in("_id", digests))) {
                    found.put(doc.getString("_id"), doc);
                }
            }
            return found;
        }

        private void writeLine(Writer writer, JsonNode node) throws IOException {
            writer.write(mapper.writeValueAsString(node));
            writer.write('\n');
        }
    }
}
