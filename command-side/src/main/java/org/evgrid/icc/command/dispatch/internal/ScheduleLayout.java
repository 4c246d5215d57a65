package org.evgrid.icc.command.dispatch.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import org.bson.Document;
import org.evgrid.icc.command.dispatch.allocation.Allocation;
import org.evgrid.icc.command.dispatch.allocation.FairAllocator;
import org.evgrid.icc.coreapi.archive.AggregationUnitId;
import org.evgrid.icc.coreapi.dispatch.AllocationReason;
import org.evgrid.icc.coreapi.dispatch.DispatchPlanId;

/**
 * The stored form of a plan version's per-pile schedule (docs/dispatch-schedules.md): one index document and chunk
 * documents of at most {@value #CHUNK_PILES} piles per operator, and the SHA-256 digest of the canonical text. Chunk
 * documents are built one at a time while they are written.
 */
public final class ScheduleLayout {

    /** The collection. */
    public static final String COLLECTION = "dispatch_schedules";

    /** Most piles in a chunk document. */
    public static final int CHUNK_PILES = 1000;

    private static final int N = FairAllocator.INTERVALS;

    private final String planId;
    private final int version;
    private final AggregationUnitId unitId;
    private final LocalDate tradingDay;
    private final Allocation allocation;
    /** Operator id → indexes into the allocation's piles, in pile id order; operators in id order. */
    private final Map<String, List<Integer>> byOperator;
    private final String digest;

    private ScheduleLayout(DispatchPlanId planId, int version, AggregationUnitId unitId, LocalDate tradingDay, Allocation allocation) {
        this.planId = planId.value();
        this.version = version;
        this.unitId = unitId;
        this.tradingDay = tradingDay;
        this.allocation = allocation;
        this.byOperator = groupByOperator(allocation);
        this.digest = computeDigest();
    }

    /** The layout of an allocation for a plan version. */
    public static ScheduleLayout of(DispatchPlanId planId, int version, AggregationUnitId unitId, LocalDate tradingDay,
                                    Allocation allocation) {
        return new ScheduleLayout(planId, version, unitId, tradingDay, allocation);
    }

    /** The id of a version's index document. */
    public static String indexId(String planId, int version) {
        return planId + "|v" + version;
    }

    /** The id of a chunk document. */
    public static String chunkId(String planId, int version, String operatorId, int chunk) {
        return indexId(planId, version) + "|" + operatorId + "|" + String.format("%04d", chunk);
    }

    /** The SHA-256 (lower-case hex) of the canonical text; the event's {@code scheduleDigest}. */
    public String digest() {
        return digest;
    }

    /** Operator id → the allocation's pile indexes of that operator in pile id order, operators in id order. */
    public Map<String, List<Integer>> byOperator() {
        return byOperator;
    }

    /** The index document. */
    public Document index() {
        List<Document> operators = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byOperator.entrySet()) {
            List<Integer> piles = e.getValue();
            List<String> firstPiles = new ArrayList<>();
            for (int start = 0; start < piles.size(); start += CHUNK_PILES) {
                firstPiles.add(pileId(piles.get(start)));
            }
            operators.add(new Document("operatorId", e.getKey()).append("piles", piles.size()).append("chunks", firstPiles.size())
                    .append("firstPiles", firstPiles));
        }
        return new Document("_id", indexId(planId, version)).append("planId", planId).append("version", version)
                .append("unitId", unitId.value()).append("tradingDay", tradingDay.toString())
                .append("piles", allocation.piles().size()).append("digest", digest).append("operators", operators);
    }

    /** The chunk documents, operators in id order, built one at a time as they are iterated. */
    public Iterable<Document> chunks() {
        return () -> new Iterator<>() {
            private final Iterator<Map.Entry<String, List<Integer>>> operators = byOperator.entrySet().iterator();
            private Map.Entry<String, List<Integer>> operator;
            private int chunk;

            @Override
            public boolean hasNext() {
                while (operator == null || chunk * CHUNK_PILES >= operator.getValue().size()) {
                    if (!operators.hasNext()) {
                        return false;
                    }
                    operator = operators.next();
                    chunk = 0;
                }
                return true;
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Integer> piles = operator.getValue();
                Document doc = chunk(operator.getKey(), chunk, piles.subList(chunk * CHUNK_PILES,
                        Math.min(piles.size(), (chunk + 1) * CHUNK_PILES)));
                chunk++;
                return doc;
            }
        };
    }

    private Document chunk(String operatorId, int chunk, List<Integer> piles) {
        List<String> pileIds = new ArrayList<>(piles.size());
        List<Integer> w = new ArrayList<>(piles.size() * N);
        List<String> reasons = new ArrayList<>(piles.size());
        for (int p : piles) {
            pileIds.add(pileId(p));
            for (int k = 0; k < N; k++) {
                w.add(allocation.scheduleW()[p * N + k]);
            }
            reasons.add(reasonCounts(allocation.reasons(), p));
        }
        return new Document("_id", chunkId(planId, version, operatorId, chunk)).append("planId", planId).append("version", version)
                .append("operatorId", operatorId).append("chunk", chunk).append("pileIds", pileIds).append("w", w).append("reasons", reasons);
    }

    /** A pile's reason counts over the 96 intervals, e.g. {@code FAIR_SHARE=80;AT_RATED_LIMIT=16}: descending count, then name. */
    public static String reasonCounts(AllocationReason[] reasons, int pile) {
        Map<AllocationReason, Integer> counts = new TreeMap<>(Comparator.comparing(Enum::name));
        for (int k = 0; k < N; k++) {
            counts.merge(reasons[pile * N + k], 1, Integer::sum);
        }
        List<Map.Entry<AllocationReason, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<AllocationReason, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().name()));
        StringBuilder text = new StringBuilder();
        for (Map.Entry<AllocationReason, Integer> e : entries) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(e.getKey().name()).append('=').append(e.getValue());
        }
        return text.toString();
    }

    private String pileId(int index) {
        return allocation.piles().get(index).pileId().value();
    }

    private static Map<String, List<Integer>> groupByOperator(Allocation allocation) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < allocation.piles().size(); i++) {
            groups.computeIfAbsent(allocation.piles().get(i).operatorId().value(), o -> new ArrayList<>()).add(i);
        }
        for (List<Integer> piles : groups.values()) {
            piles.sort(Comparator.comparing(i -> allocation.piles().get(i).pileId().value()));
        }
        groups.replaceAll((o, piles) -> Collections.unmodifiableList(piles));
        return Collections.unmodifiableMap(groups);
    }

    private String computeDigest() {
        MessageDigest sha = sha256();
        StringBuilder line = new StringBuilder(1024);
        for (Map.Entry<String, List<Integer>> e : byOperator.entrySet()) {
            for (int p : e.getValue()) {
                line.setLength(0);
                line.append(e.getKey()).append(',').append(pileId(p));
                for (int k = 0; k < N; k++) {
                    line.append(',').append(allocation.scheduleW()[p * N + k]);
                }
                line.append('\n');
                sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The digest of a canonical text (for checks). */
    public static String digestOf(String canonicalText) {
        return HexFormat.of().formatHex(sha256().digest(canonicalText.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
