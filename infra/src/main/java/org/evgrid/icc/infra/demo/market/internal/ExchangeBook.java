package org.evgrid.icc.infra.demo.market.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.evgrid.icc.coreapi.market.AcknowledgeBidCommand;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.RecordClearingCommand;
import org.evgrid.icc.infra.demo.market.SimProperties;
import org.evgrid.icc.infra.demo.market.UniformPriceAuction;

/**
 * The simulated exchange's order book. {@link #receive} takes a bid (from any thread, at once: it is stored in
 * {@code sim_exchange_bids} and queued); {@link #tick} (one thread) acknowledges new bids (rejecting those above the
 * price cap), and once a bid's gate closure plus the clearing delay has passed, clears all due bids of its product and
 * period in a {@link UniformPriceAuction} per interval against the configured rest of the market, and sends each bid's
 * clearing. Only the latest version of a bid is cleared. Sends that found no center are repeated on the next tick; a
 * refusal is final. Bids survive a restart (they are read back from the collection).
 */
public final class ExchangeBook {

    /** The collection. */
    public static final String COLLECTION = "sim_exchange_bids";

    /** Where commands go: answers whether to try again later. */
    @FunctionalInterface
    public interface Port {
        /** Sends a signed command to the center; true when it should be sent again later. */
        boolean sendLater(Object command);
    }

    /** A bid's state at the exchange. */
    public enum Status {
        /** Received, not yet checked. */
        RECEIVED,
        /** Accepted; clearing follows. */
        ACCEPTED,
        /** Rejected. */
        REJECTED,
        /** A later version replaced it. */
        SUPERSEDED,
        /** Cleared. */
        CLEARED
    }

    /** A bid as the exchange keeps it (the last three fields once cleared). */
    public record Bid(String requestId, String bidId, int version, String product, String kind, LocalDate periodStart,
                      LocalDate periodEnd, String direction, BigDecimal energyKwh, List<BigDecimal> curveKw, BigDecimal limitPrice,
                      Instant gateClosure, Status status, String reason, boolean ackSent, BigDecimal clearedEnergyKwh,
                      List<BigDecimal> clearedCurveKw, List<BigDecimal> prices, Instant clearedAt, boolean clearingSent) {

        Bid with(Status s, String why) {
            return new Bid(requestId, bidId, version, product, kind, periodStart, periodEnd, direction, energyKwh, curveKw, limitPrice,
                    gateClosure, s, why, ackSent, clearedEnergyKwh, clearedCurveKw, prices, clearedAt, clearingSent);
        }

        Bid withAckSent() {
            return new Bid(requestId, bidId, version, product, kind, periodStart, periodEnd, direction, energyKwh, curveKw, limitPrice,
                    gateClosure, status, reason, true, clearedEnergyKwh, clearedCurveKw, prices, clearedAt, clearingSent);
        }

        Bid cleared(BigDecimal energy, List<BigDecimal> curve, List<BigDecimal> p, Instant at) {
            return new Bid(requestId, bidId, version, product, kind, periodStart, periodEnd, direction, energyKwh, curveKw, limitPrice,
                    gateClosure, Status.CLEARED, reason, ackSent, energy, curve, p, at, false);
        }

        Bid withClearingSent() {
            return new Bid(requestId, bidId, version, product, kind, periodStart, periodEnd, direction, energyKwh, curveKw, limitPrice,
                    gateClosure, status, reason, ackSent, clearedEnergyKwh, clearedCurveKw, prices, clearedAt, true);
        }

        boolean curve() {
            return "CURVE".equals(kind);
        }
    }

    private static final BigDecimal QUARTER_HOUR = new BigDecimal("0.25");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final MongoCollection<Document> collection;
    private final SimProperties.Exchange config;
    private final Port port;
    private final Map<String, Bid> bids = new ConcurrentHashMap<>();
    private final Queue<Bid> inbox = new ConcurrentLinkedQueue<>();

    public ExchangeBook(MongoCollection<Document> collection, SimProperties.Exchange config, Port port) {
        this.collection = collection;
        this.config = config;
        this.port = port;
        for (Document d : collection.find()) {
            Bid b = fromDocument(d);
            bids.put(b.requestId(), b);
        }
    }

    /**
     * Takes a bid as the gateway sends it (the submitted bid's fields); a request id seen before changes nothing.
     *
     * @return false when the request id was known
     * @throws IllegalArgumentException when the bid lacks its ids
     */
    public boolean receive(JsonNode json) {
        String requestId = text(json, "requestId");
        String bidId = text(json, "bidId");
        if (requestId == null || bidId == null) {
            throw new IllegalArgumentException("a bid needs requestId and bidId");
        }
        if (bids.containsKey(requestId) || inbox.stream().anyMatch(b -> b.requestId().equals(requestId))) {
            return false;
        }
        List<BigDecimal> curve = new ArrayList<>();
        if (json.hasNonNull("curveKw")) {
            json.get("curveKw").forEach(v -> curve.add(v.decimalValue()));
        }
        Bid bid = new Bid(requestId, bidId, json.path("version").asInt(1), text(json, "product"), text(json, "kind"),
                date(json, "periodStart"), date(json, "periodEnd"), text(json, "direction"), decimal(json, "energyKwh"), curve,
                decimal(json, "limitPriceCnyPerMwh"),
                json.hasNonNull("gateClosure") ? Instant.parse(json.get("gateClosure").asText()) : null,
                Status.RECEIVED, null, false, null, null, null, null, false);
        if (collection.find(Filters.eq("_id", requestId)).first() != null) {
            return false;
        }
        collection.replaceOne(Filters.eq("_id", requestId), toDocument(bid), new ReplaceOptions().upsert(true));
        inbox.add(bid);
        return true;
    }

    /** The bids the exchange knows (after the last tick). */
    public Collection<Bid> bids() {
        return List.copyOf(bids.values());
    }

    /** A bid by request id, or null. */
    public Bid bid(String requestId) {
        return bids.get(requestId);
    }

    /** Acknowledges, clears and sends what is due at {@code now}; answers how many commands went out. */
    public synchronized int tick(Instant now) {
        for (Bid b = inbox.poll(); b != null; b = inbox.poll()) {
            bids.putIfAbsent(b.requestId(), b);
        }
        int sent = 0;
        for (Bid b : List.copyOf(bids.values())) {
            if (b.status() == Status.RECEIVED) {
                boolean tooDear = b.limitPrice() != null && b.limitPrice().compareTo(config.priceCap()) > 0;
                b = save(b.with(tooDear ? Status.REJECTED : Status.ACCEPTED, tooDear
                        ? "限价 " + b.limitPrice().toPlainString() + " 元/兆瓦时高于市场限价 " + config.priceCap().toPlainString()
                        + " / limit price above the market cap " + config.priceCap().toPlainString() + " CNY/MWh" : null));
            }
            if (!b.ackSent() && (b.status() != Status.SUPERSEDED)) {
                boolean accepted = b.status() != Status.REJECTED;
                if (!port.sendLater(new AcknowledgeBidCommand(new BidId(b.bidId()), b.requestId(), accepted, reference(b),
                        accepted ? null : b.reason()))) {
                    save(b.withAckSent());
                }
                sent++;
            }
        }
        clearDue(now);
        for (Bid b : List.copyOf(bids.values())) {
            if (b.status() == Status.CLEARED && !b.clearingSent() && b.ackSent()) {
                if (!port.sendLater(new RecordClearingCommand(new BidId(b.bidId()), b.requestId(), reference(b),
                        b.clearedCurveKw() == null ? b.clearedEnergyKwh() : null, b.clearedCurveKw(), b.prices(), b.clearedAt()))) {
                    save(b.withClearingSent());
                }
                sent++;
            }
        }
        return sent;
    }

    private void clearDue(Instant now) {
        Duration delay = config.clearingDelay();
        Map<String, Integer> latest = new HashMap<>();
        for (Bid b : bids.values()) {
            if (b.status() != Status.REJECTED) {
                latest.merge(b.bidId(), b.version(), Math::max);
            }
        }
        Map<String, List<Bid>> groups = new LinkedHashMap<>();
        for (Bid b : List.copyOf(bids.values())) {
            boolean due = config.clearOnAcceptance() || b.gateClosure() != null && !now.isBefore(b.gateClosure().plus(delay));
            if (b.status() != Status.ACCEPTED || !due) {
                continue;
            }
            if (b.version() < latest.get(b.bidId())) {
                save(b.with(Status.SUPERSEDED, "replaced by a later version"));
                continue;
            }
            groups.computeIfAbsent(b.product() + "|" + b.periodStart(), k -> new ArrayList<>()).add(b);
        }
        groups.values().forEach(group -> clear(group, now));
    }

    private void clear(List<Bid> group, Instant now) {
        group.sort((a, b) -> a.requestId().compareTo(b.requestId()));
        boolean curve = group.get(0).curve();
        int intervals = curve ? group.stream().mapToInt(b -> b.curveKw().size()).max().orElse(96) : 1;
        BigDecimal stepScale = curve ? THOUSAND : THOUSAND.multiply(BigDecimal.valueOf(hours(group.get(0))));
        Map<String, List<BigDecimal>> cleared = new HashMap<>();
        List<BigDecimal> prices = new ArrayList<>();
        for (int k = 0; k < intervals; k++) {
            List<UniformPriceAuction.Order> orders = new ArrayList<>();
            List<SimProperties.Step> supply = config.supply();
            for (int s = 0; s < supply.size(); s++) {
                orders.add(new UniformPriceAuction.Order("supply#" + s, UniformPriceAuction.Side.SELL,
                        supply.get(s).quantityMw().multiply(stepScale), supply.get(s).price()));
            }
            List<SimProperties.Step> demand = config.demand();
            for (int s = 0; s < demand.size(); s++) {
                orders.add(new UniformPriceAuction.Order("demand#" + s, UniformPriceAuction.Side.BUY,
                        demand.get(s).quantityMw().multiply(stepScale), demand.get(s).price()));
            }
            for (Bid b : group) {
                BigDecimal q = quantity(b, k);
                orders.add(new UniformPriceAuction.Order(b.requestId(), "SELL".equals(b.direction()) ? UniformPriceAuction.Side.SELL
                        : UniformPriceAuction.Side.BUY, q, b.limitPrice()));
            }
            UniformPriceAuction.Result r = UniformPriceAuction.clear(orders);
            prices.add(r.price() == null ? BigDecimal.ZERO.setScale(2) : r.price());
            for (Bid b : group) {
                BigDecimal q = r.cleared().get(b.requestId());
                BigDecimal signed = quantity(b, k).signum() > 0 && bidValue(b, k).signum() < 0 ? q.negate() : q;
                cleared.computeIfAbsent(b.requestId(), id -> new ArrayList<>()).add(signed);
            }
        }
        for (Bid b : group) {
            List<BigDecimal> values = cleared.get(b.requestId());
            if (curve) {
                BigDecimal energy = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).multiply(QUARTER_HOUR)
                        .setScale(3, RoundingMode.HALF_EVEN);
                save(b.cleared(energy, List.copyOf(values), List.copyOf(prices), now));
            } else {
                save(b.cleared(values.get(0).setScale(3, RoundingMode.DOWN), null, List.copyOf(prices), now));
            }
        }
    }

    private static BigDecimal bidValue(Bid b, int k) {
        if (!b.curve()) {
            return b.energyKwh() == null ? BigDecimal.ZERO : b.energyKwh();
        }
        return k < b.curveKw().size() && b.curveKw().get(k) != null ? b.curveKw().get(k) : BigDecimal.ZERO;
    }

    private static BigDecimal quantity(Bid b, int k) {
        return bidValue(b, k).abs();
    }

    private static long hours(Bid b) {
        LocalDate end = b.periodEnd() == null ? b.periodStart() : b.periodEnd();
        return (ChronoUnit.DAYS.between(b.periodStart(), end) + 1) * 24;
    }

    private static String reference(Bid b) {
        return "SIMX-" + b.requestId();
    }

    private Bid save(Bid b) {
        bids.put(b.requestId(), b);
        collection.replaceOne(Filters.eq("_id", b.requestId()), toDocument(b), new ReplaceOptions().upsert(true));
        return b;
    }

    private static Document toDocument(Bid b) {
        return new Document("_id", b.requestId()).append("bidId", b.bidId()).append("version", b.version()).append("product", b.product())
                .append("kind", b.kind()).append("periodStart", str(b.periodStart())).append("periodEnd", str(b.periodEnd()))
                .append("direction", b.direction()).append("energyKwh", str(b.energyKwh())).append("curveKw", strings(b.curveKw()))
                .append("limitPrice", str(b.limitPrice()))
                .append("gateClosure", b.gateClosure() == null ? null : Date.from(b.gateClosure()))
                .append("status", b.status().name()).append("reason", b.reason()).append("ackSent", b.ackSent())
                .append("clearedEnergyKwh", str(b.clearedEnergyKwh())).append("clearedCurveKw", strings(b.clearedCurveKw()))
                .append("prices", strings(b.prices())).append("clearedAt", b.clearedAt() == null ? null : Date.from(b.clearedAt()))
                .append("clearingSent", b.clearingSent());
    }

    private static Bid fromDocument(Document d) {
        return new Bid(d.getString("_id"), d.getString("bidId"), d.getInteger("version", 1), d.getString("product"), d.getString("kind"),
                localDate(d.getString("periodStart")), localDate(d.getString("periodEnd")), d.getString("direction"),
                decimal(d.getString("energyKwh")), decimals(d.getList("curveKw", String.class)), decimal(d.getString("limitPrice")),
                d.getDate("gateClosure") == null ? null : d.getDate("gateClosure").toInstant(), Status.valueOf(d.getString("status")),
                d.getString("reason"), d.getBoolean("ackSent", false), decimal(d.getString("clearedEnergyKwh")),
                decimals(d.getList("clearedCurveKw", String.class)), decimals(d.getList("prices", String.class)),
                d.getDate("clearedAt") == null ? null : d.getDate("clearedAt").toInstant(), d.getBoolean("clearingSent", false));
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof BigDecimal d ? d.toPlainString() : o.toString();
    }

    private static List<String> strings(List<BigDecimal> values) {
        return values == null ? null : values.stream().map(v -> v == null ? null : v.toPlainString()).toList();
    }

    private static List<BigDecimal> decimals(List<String> values) {
        return values == null ? null : values.stream().map(ExchangeBook::decimal).toList();
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static LocalDate localDate(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode json, String field) {
        return json.hasNonNull(field) ? new BigDecimal(json.get(field).asText()) : null;
    }

    private static LocalDate date(JsonNode json, String field) {
        return json.hasNonNull(field) ? LocalDate.parse(json.get(field).asText()) : null;
    }
}
