package org.evgrid.icc.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileDimension;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.coreapi.telemetry.EnergyView;
import org.evgrid.icc.coreapi.telemetry.FindEnergyQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadCurveQuery;
import org.evgrid.icc.coreapi.telemetry.FindLoadStatisticsQuery;
import org.evgrid.icc.coreapi.telemetry.LoadCurveView;
import org.evgrid.icc.coreapi.telemetry.LoadStatisticsView;
import org.evgrid.icc.coreapi.telemetry.TelemetryKind;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.demo.CreditCodes;
import org.evgrid.icc.infra.demo.sim.ChargingLoadSimulator;
import org.evgrid.icc.infra.demo.sim.DayResult;
import org.evgrid.icc.infra.demo.sim.OutageRates;
import org.evgrid.icc.infra.demo.sim.SimPile;
import org.evgrid.icc.infra.demo.sim.TelemetrySender;
import org.evgrid.icc.infra.demo.sim.TouTariff;
import org.evgrid.icc.infra.health.ProcessorLagMetrics;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.query.telemetry.internal.DayFigures;
import org.evgrid.icc.query.telemetry.internal.Slots;
import org.evgrid.icc.query.telemetry.internal.TelemetryCollections;
import org.evgrid.icc.ui.command.CommandEnvelopeRequest;
import org.evgrid.icc.ui.command.SignedCommandService;
import org.evgrid.icc.ui.query.QueryAsker;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * P3 (docs/benchmarks.md): statistics queries over the pre-aggregated telemetry roll-ups of a {@code --piles}-pile
 * deployment (default 300,000) over {@code --days} days (default 30), over real HTTP with a real user (HTTP Basic,
 * role REGULATOR, registered through the signed {@code RegisterUser} command), against the center started in this JVM
 * on a fresh data directory.
 *
 * <p>Setup: (1) a layout check: a few piles of a separate operator report power, daily energy and orders through the
 * signed path; once the roll-up processor has caught up, one real operator day document, one real dispatch-area day
 * document and one real operator month document are read and the synthetic documents built below must have the same
 * field names and value types (the harness stops otherwise). (2) The aggregate day documents ({@code tel_agg_days}) and
 * month documents ({@code tel_agg_months}) of every OPERATOR, UNIT, DISPATCH_AREA, PROVINCE, CITY and DISTRICT key of
 * the deployment are written directly with the raw driver, including the {@code applied} batch-id lists the projection
 * would have accumulated (the real batches of 5,000 readings per operator and interval). Month day entries are computed
 * with the projection's own {@link DayFigures}. Pile-level documents are not written: none of the measured queries reads
 * them. The archive is not told about the synthetic keys: for a headquarters-scoped viewer the telemetry queries do
 * not check that a key exists (a key without documents answers an empty curve).
 *
 * <p>Measured (sequential, one client, 100 queries per kind with random keys and days, after 10 warm-up queries
 * each), each interleaved with the same query asked in process through the query bus (what the controller does, without
 * HTTP and sign-in) and a raw-driver baseline doing the same {@code _id} reads in the same JVM:
 * a unit's one-day curve at 15 minutes; a dispatch area's energy by month over the whole range; an operator's load
 * statistics over the range with its week / month / year comparisons; an operator's curve over the range at 60 minutes.
 *
 * <p>Arguments: {@code --piles N --days N --operators N --unit-size N --areas N --batch N --threads N --dir PATH}.
 * Run: {@code java -jar icc-bench.jar statistics ...}.
 */
public final class StatisticsBenchmark {

    private static final int QUERIES = 100;
    private static final int WARM_UP = 10;
    private static final int PROVINCES = 2;
    private static final int CITIES = 20;
    private static final int DISTRICTS = 200;
    private static final int WRITE_CHUNK = 200;
    private static final String USER = "p3reader";
    private static final String PASSWORD = "p3-bench-password";
    private static final OperatorId CHECK_OPERATOR = new OperatorId("OP-P3CHECK");
    private static final String CHECK_AREA = "DA-P3CHECK";
    /** The in-process comparison asks as the same user would. */
    private static final Viewer VIEWER = new Viewer(USER, Set.of(Role.REGULATOR), null, DataScope.HEADQUARTERS);
    /** Fields of a day document that the projection writes only for some keys: completeness marks (operators). */
    private static final Set<String> OPERATOR_ONLY = Set.of("ev");

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private int piles = 300_000;
    private int days = 30;
    private int operators = 10;
    private int unitSize = 100;
    private int areas = 40;
    private int batch = TelemetrySender.MAX_BATCH;
    private int threads = 2;
    private Path dir;

    private LocalDate firstDay;
    private LocalDate lastDay;
    private String authorization;

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new StatisticsBenchmark().run(args);
        System.exit(0);
    }

    private void run(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--piles" -> piles = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--operators" -> operators = Integer.parseInt(args[++i]);
                case "--unit-size" -> unitSize = Integer.parseInt(args[++i]);
                case "--areas" -> areas = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (piles % (operators * unitSize) != 0 || piles % DISTRICTS != 0 || DISTRICTS % areas != 0) {
            throw new IllegalArgumentException("--piles must be a multiple of operators × unit size and of " + DISTRICTS
                    + ", and " + DISTRICTS + " a multiple of --areas");
        }
        if (dir == null) {
            dir = Files.createTempDirectory("icc-bench-statistics");
        }
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + System.getProperty("java.version"));
        results.put("deployment", String.format("%,d piles, %d days, %d operators, %,d units of %d piles, %d dispatch areas, "
                + "%d provinces, %d cities, %d districts, batches of %,d", piles, days, operators, piles / unitSize, unitSize, areas,
                PROVINCES, CITIES, DISTRICTS, batch));
        lastDay = Slots.day(Instant.now()).minusDays(1);
        firstDay = lastDay.minusDays(days - 1L);
        results.put("days", firstDay + " .. " + lastDay + " (local, Asia/Shanghai)");
        long start = System.nanoTime();
        try (ConfigurableApplicationContext ctx = start(dir.resolve("statistics"))) {
            results.put("setup: center started, s", seconds(start));
            Layout layout = layoutCheck(ctx);
            writeAggregates(ctx, layout);
            results.put("setup: total, s", seconds(start));
            measure(ctx);
        }
        StringBuilder out = new StringBuilder("\n=== ICC statistics benchmark results (P3) ===\n");
        results.forEach((k, v) -> out.append(String.format("%-80s %s%n", k, v)));
        System.out.println(out);
        Files.writeString(dir.resolve("results-statistics.txt"), out.toString());
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(IccApplication.class).run("--icc.data-dir=" + data, "--server.port=0",
                // plain HTTP on purpose: the harness measures the center, not TLS (docs/operations-tls.md)
                "--icc.tls.enabled=false",
                "--icc.demo.enabled=false", "--logging.level.root=WARN", "--logging.level.org.evgrid=WARN");
    }

    // ---- setup 1: a real user and the layout check through the signed path ----

    /** The real documents the synthetic ones must match. */
    private record Layout(Document operatorDay, Document areaDay, Document operatorMonth) {
    }

    private Layout layoutCheck(ConfigurableApplicationContext ctx) throws Exception {
        long start = System.nanoTime();
        Path data = Path.of(ctx.getEnvironment().getProperty("icc.data-dir"));
        PrivateKey admin = Crypto.readPrivateKey(Files.readString(data.resolve("keys/admin-bootstrap.pem")));
        SignedCommandService service = ctx.getBean(SignedCommandService.class);
        send(service, new RegisterUserCommand(new UserId(USER), "P3 压测用户", Set.of(Role.REGULATOR), DataScope.HEADQUARTERS, null,
                Crypto.bcrypt(PASSWORD.toCharArray(), new SecureRandom())), "admin-bootstrap", admin);
        authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        KeyPair archivist = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        send(service, new RegisterSignerKeyCommand(new KeyId("p3-archivist"), SignatureAlgorithm.SM2_SM3,
                Crypto.toPem(archivist.getPublic()), "bench", Set.of(Role.ARCHIVE_MANAGER), null, DataScope.HEADQUARTERS),
                "admin-bootstrap", admin);
        KeyPair platform = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        String platformKeyId = "p3-check-platform";
        send(service, new RegisterOperatorCommand(CHECK_OPERATOR, "P3 版式核对运营商", CreditCodes.withCheck("91320100MA1P3CHK1"),
                new Contact("压测", "025-0000-0000", null), new BigDecimal("0.85"),
                List.of(new PublicKeySpec(new KeyId(platformKeyId), SignatureAlgorithm.SM2_SM3, Crypto.toPem(platform.getPublic())))),
                "p3-archivist", archivist.getPrivate());
        StationId station = new StationId("ST-P3CHECK-0");
        send(service, new RegisterStationCommand(station, CHECK_OPERATOR, "P3 核对站", new Region("320000", "320100", "320102"),
                new GeoPoint(new BigDecimal("32.06"), new BigDecimal("118.79")), new DispatchAreaId(CHECK_AREA)),
                platformKeyId, platform.getPrivate());
        List<PileSpec> specs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            specs.add(new PileSpec(new PileId("P-P3CHECK-" + i), station, i % 4 == 0 ? PileType.DC : PileType.AC,
                    new BigDecimal(i % 4 == 0 ? "60.000" : "7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1));
        }
        send(service, new ImportPilesCommand(new ImportBatchId("P3CHECK-1"), CHECK_OPERATOR, specs), platformKeyId, platform.getPrivate());
        awaitCaughtUp(ctx);

        List<SimPile> simPiles = specs.stream().map(s -> SimPile.of(CHECK_OPERATOR, s)).toList();
        ChargingLoadSimulator sim = new ChargingLoadSimulator(simPiles, 20_261_126L, ChargingLoadSimulator.CHINA, OutageRates.NONE,
                TouTariff.DEFAULT);
        TelemetrySender sender = new TelemetrySender(simPiles, Map.of(CHECK_OPERATOR, new TelemetrySender.PlatformKey(platformKeyId,
                platform.getPrivate())), e -> {
                    throw new UnsupportedOperationException("the harness sends the commands itself");
                }, Clock.systemUTC(), ChargingLoadSimulator.CHINA, TelemetrySender.MIN_BATCH);
        LocalDate day = lastDay;
        List<Object> commands = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            commands.addAll(sender.powerCommands(sim.interval(sim.dayStart(day).plus(Duration.ofMinutes(19 * 60 + 5L * s)), null)));
        }
        DayResult result = sim.day(day);
        commands.addAll(sender.energyCommands(result));
        commands.addAll(sender.orderCommands(TelemetrySender.dayPeriod(day), day, result.orders()));
        for (Object c : commands) {
            send(service, c, platformKeyId, platform.getPrivate());
        }
        awaitCaughtUp(ctx);
        MongoDatabase db = ctx.getBean(MongoDatabase.class);
        Layout layout = new Layout(
                find(db, TelemetryCollections.AGG_DAYS, Slots.aggDayId(PileDimension.OPERATOR, CHECK_OPERATOR.value(), day)),
                find(db, TelemetryCollections.AGG_DAYS, Slots.aggDayId(PileDimension.DISPATCH_AREA, CHECK_AREA, day)),
                find(db, TelemetryCollections.AGG_MONTHS, Slots.aggMonthId(PileDimension.OPERATOR, CHECK_OPERATOR.value(), day)));
        results.put("setup: user, layout-check operator (40 piles, " + commands.size() + " telemetry batches, caught up), s",
                seconds(start));
        return layout;
    }

    private static Document find(MongoDatabase db, String collection, String id) {
        Document doc = db.getCollection(collection).find(Filters.eq("_id", id)).first();
        if (doc == null) {
            throw new IllegalStateException("layout check: the roll-up projection did not write " + id + " in " + collection);
        }
        return doc;
    }

    /** Fails unless the synthetic document has the real one's field names and value types (slot maps by value type). */
    private void assertSameLayout(String what, Document real, Document synthetic) {
        String r = shape(real);
        String s = shape(synthetic);
        if (!r.equals(s)) {
            throw new IllegalStateException("LAYOUT MISMATCH for " + what + ":\n real:      " + r + "\n synthetic: " + s);
        }
        results.put("layout check: " + what, "same fields and types as the projection's (" + real.getString("_id") + ")");
    }

    /** The shape of a value: documents keyed by numbers (slots, days of month) and lists by the union of their values' shapes. */
    private static String shape(Object value) {
        if (value instanceof Document d) {
            boolean numbered = !d.isEmpty() && d.keySet().stream().allMatch(k -> k.chars().allMatch(Character::isDigit));
            if (numbered) {
                return "{#: " + String.join("|", new TreeSet<>(d.values().stream().map(StatisticsBenchmark::shape).toList())) + "}";
            }
            StringBuilder b = new StringBuilder("{");
            new TreeSet<>(d.keySet()).forEach(k -> b.append(k).append(": ").append(shape(d.get(k))).append(", "));
            return b.append("}").toString();
        }
        if (value instanceof Collection<?> c) {
            return "[" + String.join("|", new TreeSet<>(c.stream().map(StatisticsBenchmark::shape).toList())) + "]";
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    // ---- setup 2: the deployment's aggregate documents, written directly ----

    /** The keys of a dimension: key, pile count and the power batches (operator index, batch number) that touch it. */
    private static final class Key {
        final PileDimension dim;
        final String key;
        int piles;
        final Set<Long> batches = new LinkedHashSet<>();

        Key(PileDimension dim, String key) {
            this.dim = dim;
            this.key = key;
        }
    }

    static String operator(int o) {
        return String.format("OP-P3-%02d", o);
    }

    static String unit(int u) {
        return String.format("U-P3-%05d", u);
    }

    static String area(int a) {
        return String.format("DA-P3-%02d", a);
    }

    static String province(int p) {
        return (51 + p) + "0000";
    }

    static String city(int c) {
        return province(c / (CITIES / PROVINCES)).substring(0, 2) + String.format("%02d", c % (CITIES / PROVINCES) + 1) + "00";
    }

    static String district(int d) {
        return city(d / (DISTRICTS / CITIES)).substring(0, 4) + String.format("%02d", d % (DISTRICTS / CITIES) + 1);
    }

    /**
     * The deployment: operator o holds a contiguous block of piles; within it piles run through the districts in order
     * (5 districts to a dispatch area, 10 to a city, 100 to a province), units are runs of {@code unitSize} piles; each
     * operator reports its piles in that order in batches of {@code batch} (as the platform simulator does).
     */
    private Map<String, Key> topology() {
        Map<String, Key> keys = new LinkedHashMap<>();
        int perOperator = piles / operators;
        int districtsPerArea = DISTRICTS / areas;
        for (int i = 0; i < piles; i++) {
            int o = i / perOperator;
            int j = i % perOperator;
            int d = (int) ((long) j * DISTRICTS / perOperator);
            long batchNo = (long) o * 1_000_000 + j / batch + 1;
            add(keys, PileDimension.OPERATOR, operator(o), batchNo);
            add(keys, PileDimension.UNIT, unit(i / unitSize), batchNo);
            add(keys, PileDimension.DISPATCH_AREA, area(d / districtsPerArea), batchNo);
            add(keys, PileDimension.PROVINCE, province(d / (DISTRICTS / PROVINCES)), batchNo);
            add(keys, PileDimension.CITY, city(d / (DISTRICTS / CITIES)), batchNo);
            add(keys, PileDimension.DISTRICT, district(d), batchNo);
        }
        return keys;
    }

    private static void add(Map<String, Key> keys, PileDimension dim, String key, long batchNo) {
        Key k = keys.computeIfAbsent(dim + "|" + key, x -> new Key(dim, key));
        k.piles++;
        k.batches.add(batchNo);
    }

    private void writeAggregates(ConfigurableApplicationContext ctx, Layout layout) throws Exception {
        long start = System.nanoTime();
        Map<String, Key> keys = topology();
        List<Key> all = new ArrayList<>(keys.values());
        Key someOperator = keys.get(PileDimension.OPERATOR + "|" + operator(0));
        Key someArea = keys.get(PileDimension.DISPATCH_AREA + "|" + area(0));
        Document opDay = dayDocument(someOperator, lastDay);
        assertSameLayout("operator day document", layout.operatorDay(), opDay);
        assertSameLayout("dispatch-area day document", layout.areaDay(), dayDocument(someArea, lastDay));
        assertSameLayout("operator month document", layout.operatorMonth(), monthDocument(someOperator, List.of(opDay)));

        MongoDatabase db = ctx.getBean(MongoDatabase.class);
        MongoCollection<Document> dayDocs = db.getCollection(TelemetryCollections.AGG_DAYS);
        MongoCollection<Document> monthDocs = db.getCollection(TelemetryCollections.AGG_MONTHS);
        AtomicLong dayCount = new AtomicLong();
        AtomicLong monthCount = new AtomicLong();
        AtomicLong appliedIds = new AtomicLong();
        int chunks = (all.size() + 9) / 10;
        runParallel(chunks, n -> {
            List<Document> dayBuffer = new ArrayList<>();
            List<Document> monthBuffer = new ArrayList<>();
            for (Key k : all.subList(n * 10, Math.min(all.size(), (n + 1) * 10))) {
                Map<LocalDate, List<Document>> byMonth = new LinkedHashMap<>();
                for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
                    Document doc = dayDocument(k, d);
                    appliedIds.addAndGet(doc.getList("applied", String.class).size());
                    dayBuffer.add(doc);
                    byMonth.computeIfAbsent(d.withDayOfMonth(1), m -> new ArrayList<>()).add(doc);
                    if (dayBuffer.size() >= WRITE_CHUNK) {
                        dayDocs.insertMany(dayBuffer);
                        dayCount.addAndGet(dayBuffer.size());
                        dayBuffer.clear();
                    }
                }
                byMonth.values().forEach(list -> monthBuffer.add(monthDocument(k, list)));
            }
            if (!dayBuffer.isEmpty()) {
                dayDocs.insertMany(dayBuffer);
                dayCount.addAndGet(dayBuffer.size());
            }
            monthDocs.insertMany(monthBuffer);
            monthCount.addAndGet(monthBuffer.size());
        });
        Map<PileDimension, Integer> perDim = new LinkedHashMap<>();
        all.forEach(k -> perDim.merge(k.dim, 1, Integer::sum));
        results.put("setup: keys per dimension", perDim);
        results.put("setup: documents written (tel_agg_days, tel_agg_months)", String.format("%,d, %,d", dayCount.get(), monthCount.get()));
        results.put("setup: applied batch ids in the day documents", String.format("%,d (mean %,d per document)", appliedIds.get(),
                appliedIds.get() / Math.max(1, dayCount.get())));
        results.put("setup: writing the aggregate documents (raw driver, " + threads + " threads), s", seconds(start));
        results.put("setup: projection store size after the writes, MiB", size(Path.of(ctx.getEnvironment().getProperty("icc.data-dir"))
                .resolve("projections")) / (1 << 20));
    }

    /** Daily shape of charging load: share of a pile's rated 7 kW drawn on average in a slot. */
    private static double share(int slot) {
        double h = slot / 12.0;
        return 0.04 + 0.22 * Math.exp(-Math.pow(h - 19.5, 2) / 6) + 0.10 * Math.exp(-Math.pow(h - 12.5, 2) / 5)
                + 0.08 * Math.exp(-Math.pow(h - 2, 2) / 4);
    }

    /** A day document as the projection leaves it after every batch of the day of the key's piles has been applied. */
    private Document dayDocument(Key k, LocalDate day) {
        Random r = new Random(((long) k.key.hashCode() << 20) ^ day.toEpochDay());
        Document w = new Document();
        Document rep = new Document();
        Document on = new Document();
        long ws = 0;
        for (int s = 0; s < Slots.PER_DAY; s++) {
            long reporting = k.piles - r.nextInt(Math.max(1, k.piles / 100));
            long watts = Math.round(reporting * 7000 * share(s) * (0.85 + 0.3 * r.nextDouble()));
            long online = Math.round(reporting * Math.min(1.0, 0.3 + 2 * share(s)));
            String slot = Integer.toString(s);
            // the projection drops zero increments, so zero fields are absent
            if (watts != 0) {
                w.append(slot, watts);
            }
            if (reporting != 0) {
                rep.append(slot, reporting);
            }
            if (online != 0) {
                on.append(slot, online);
            }
            ws += watts;
        }
        long meteredWh = Math.round(ws / 12.0 * (0.98 + 0.04 * r.nextDouble()));
        long orderWh = Math.round(meteredWh * 0.97);
        long energyFen = orderWh * 60 / 1000;
        long serviceFen = orderWh * 40 / 1000;
        List<String> applied = new ArrayList<>(k.batches.size() * (Slots.PER_DAY + 2));
        for (int s = 0; s < Slots.PER_DAY; s++) {
            String period = Slots.minuteKey(day, s);
            for (long b : k.batches) {
                applied.add(batchId(b, TelemetryKind.POWER, period));
            }
        }
        for (long b : k.batches) {
            applied.add(batchId(b, TelemetryKind.ENERGY, Slots.dayKey(day)));
            applied.add(batchId(b, TelemetryKind.ORDERS, Slots.dayKey(day)));
        }
        Document doc = new Document("_id", Slots.aggDayId(k.dim, k.key, day)).append("dim", k.dim.name()).append("key", k.key)
                .append("day", Slots.dayKey(day)).append("w", w).append("r", rep).append("n", on).append("applied", applied)
                .append("mwh", meteredWh).append("oc", (long) k.piles * 2 + r.nextInt(Math.max(1, k.piles)))
                .append("owh", orderWh).append("oef", energyFen).append("osf", serviceFen).append("otf", energyFen + serviceFen);
        if (k.dim == PileDimension.OPERATOR) {
            Document ev = new Document();
            rep.forEach(ev::append);
            doc.append("ev", ev);
        }
        return doc;
    }

    private static String batchId(long b, TelemetryKind kind, String period) {
        return TelemetrySender.batchId(new OperatorId(operator((int) (b / 1_000_000))), kind, period, (int) (b % 1_000_000)).value();
    }

    /** A month document with the entries of the given days (all in one month), computed as the projection does. */
    private static Document monthDocument(Key k, List<Document> dayDocs) {
        LocalDate first = LocalDate.parse(dayDocs.get(0).getString("day"), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String id = Slots.aggMonthId(k.dim, k.key, first);
        Document d = new Document();
        for (Document day : dayDocs) {
            LocalDate date = LocalDate.parse(day.getString("day"), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            d.append(Slots.dayOfMonthField(date), DayFigures.of(day).toDocument());
        }
        return new Document("_id", id).append("dim", k.dim.name()).append("key", k.key).append("month", id.substring(id.lastIndexOf('|') + 1))
                .append("d", d);
    }

    // ---- the measurement ----

    /** One query: its REST path and the {@code _id} reads (collection, ids) the handler makes. */
    private record Query(String path, Object message, Class<?> answer, List<Read> reads) {
    }

    private record Read(String collection, List<String> ids) {
    }

    private interface Kind {
        Query next(Random r);
    }

    private void measure(ConfigurableApplicationContext ctx) throws Exception {
        String base = "http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort() + "/api/v1/telemetry";
        MongoDatabase db = ctx.getBean(MongoDatabase.class);
        QueryAsker asker = ctx.getBean(QueryAsker.class);
        int units = piles / unitSize;
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("simple: unit day curve, 15 min (GET load-curve dim=UNIT, 1 day)", r -> {
            String key = unit(r.nextInt(units));
            LocalDate d = firstDay.plusDays(r.nextInt(days));
            return new Query("/load-curve?dim=UNIT&key=" + key + "&from=" + d + "&to=" + d + "&resolution=15",
                    new FindLoadCurveQuery(VIEWER, PileDimension.UNIT, key, d, d, 15), LoadCurveView.class,
                    List.of(new Read(TelemetryCollections.AGG_DAYS, List.of(Slots.aggDayId(PileDimension.UNIT, key, d)))));
        });
        kinds.put("simple: dispatch-area energy by month (GET energy dim=DISPATCH_AREA by=month, " + days + " days)", r -> {
            String key = area(r.nextInt(areas));
            return new Query("/energy?dim=DISPATCH_AREA&key=" + key + "&from=" + firstDay + "&to=" + lastDay + "&by=month",
                    new FindEnergyQuery(VIEWER, PileDimension.DISPATCH_AREA, key, firstDay, lastDay, true), EnergyView.class,
                    List.of(new Read(TelemetryCollections.AGG_MONTHS, monthIds(PileDimension.DISPATCH_AREA, key, firstDay, lastDay))));
        });
        kinds.put("complex: operator statistics + week/month/year comparisons (" + days + " days)", r -> {
            String key = operator(r.nextInt(operators));
            PileDimension op = PileDimension.OPERATOR;
            return new Query("/statistics?dim=OPERATOR&key=" + key + "&from=" + firstDay + "&to=" + lastDay,
                    new FindLoadStatisticsQuery(VIEWER, op, key, firstDay, lastDay), LoadStatisticsView.class, List.of(
                    new Read(TelemetryCollections.AGG_MONTHS, monthIds(op, key, firstDay, lastDay)),
                    new Read(TelemetryCollections.AGG_MONTHS, monthIds(op, key, firstDay.minusWeeks(1), lastDay.minusWeeks(1))),
                    new Read(TelemetryCollections.AGG_MONTHS, monthIds(op, key, firstDay.minusMonths(1), lastDay.minusMonths(1))),
                    new Read(TelemetryCollections.AGG_MONTHS, monthIds(op, key, firstDay.minusYears(1), lastDay.minusYears(1)))));
        });
        kinds.put("complex: operator load curve, 60 min (GET load-curve dim=OPERATOR, " + days + " days)", r -> {
            String key = operator(r.nextInt(operators));
            List<String> ids = new ArrayList<>();
            for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
                ids.add(Slots.aggDayId(PileDimension.OPERATOR, key, d));
            }
            return new Query("/load-curve?dim=OPERATOR&key=" + key + "&from=" + firstDay + "&to=" + lastDay + "&resolution=60",
                    new FindLoadCurveQuery(VIEWER, PileDimension.OPERATOR, key, firstDay, lastDay, 60), LoadCurveView.class,
                    List.of(new Read(TelemetryCollections.AGG_DAYS, ids)));
        });
        results.put("bcrypt check of the Basic password (cost " + Crypto.BCRYPT_COST + "), median of 20, ms", bcryptMillis());
        String root = "http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
        long[] floor = new long[QUERIES];
        for (int i = -WARM_UP; i < QUERIES; i++) {
            long t0 = System.nanoTime();
            http.send(HttpRequest.newBuilder(URI.create(root + "/actuator/info")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (i >= 0) {
                floor[i] = System.nanoTime() - t0;
            }
        }
        results.put("HTTP floor: GET /actuator/info without sign-in, p50 / p95 / max, ms", percentiles(floor));
        Random random = new Random(20_261_126L);
        for (Map.Entry<String, Kind> kind : kinds.entrySet()) {
            for (int i = 0; i < WARM_UP; i++) {
                Query q = kind.getValue().next(random);
                get(base + q.path());
                asker.ask(q.message(), q.answer());
                raw(db, q);
            }
            long[] rest = new long[QUERIES];
            long[] raw = new long[QUERIES];
            long[] inProcess = new long[QUERIES];
            long bytes = 0;
            for (int i = 0; i < QUERIES; i++) {
                Query q = kind.getValue().next(random);
                long t0 = System.nanoTime();
                String body = get(base + q.path());
                rest[i] = System.nanoTime() - t0;
                if (i == 0) {
                    validate(kind.getKey(), body);
                }
                t0 = System.nanoTime();
                asker.ask(q.message(), q.answer());
                inProcess[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                List<Document> docs = raw(db, q);
                raw[i] = System.nanoTime() - t0;
                bytes += bsonBytes(docs);
            }
            results.put(kind.getKey() + " — REST p50 / p95 / max, ms", percentiles(rest));
            results.put(kind.getKey() + " — in-process query (no HTTP, no sign-in) p50 / p95 / max, ms", percentiles(inProcess));
            results.put(kind.getKey() + " — raw driver p50 / p95 / max, ms", percentiles(raw));
            results.put(kind.getKey() + " — ratio REST / raw (p50, p95)", String.format("%.1f, %.1f",
                    (double) pct(rest, 0.50) / pct(raw, 0.50), (double) pct(rest, 0.95) / pct(raw, 0.95)));
            results.put(kind.getKey() + " — ratio in-process / raw (p50, p95)", String.format("%.1f, %.1f",
                    (double) pct(inProcess, 0.50) / pct(raw, 0.50), (double) pct(inProcess, 0.95) / pct(raw, 0.95)));
            results.put(kind.getKey() + " — documents read per query (mean BSON KiB)", String.format("%.1f", bytes / 1024.0 / QUERIES));
        }
    }

    private static List<String> monthIds(PileDimension dim, String key, LocalDate from, LocalDate to) {
        Set<String> ids = new LinkedHashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(Slots.aggMonthId(dim, key, d));
        }
        return new ArrayList<>(ids);
    }

    /** The baseline: the same {@code _id $in} reads, decoded into documents, nothing else. */
    private static List<Document> raw(MongoDatabase db, Query q) {
        List<Document> docs = new ArrayList<>();
        for (Read read : q.reads()) {
            db.getCollection(read.collection()).find(Filters.in("_id", read.ids())).into(docs);
        }
        return docs;
    }

    /** The BSON size of documents (measured outside the timings). */
    private static long bsonBytes(List<Document> docs) {
        long bytes = 0;
        for (Document d : docs) {
            BasicOutputBuffer buffer = new BasicOutputBuffer();
            new DocumentCodec().encode(new BsonBinaryWriter(buffer), d, EncoderContext.builder().build());
            bytes += buffer.getPosition();
        }
        return bytes;
    }

    private String get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                    .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The first answer of each kind must carry figures (the synthetic documents were found and read). */
    private void validate(String kind, String body) throws IOException {
        JsonNode n = json.readTree(body);
        JsonNode figure = n.has("peakKw") ? n.get("peakKw") : n.has("current") ? n.get("current").get("energyKwh")
                : n.get("points").get(0).get("powerEnergyKwh");
        if (figure == null || figure.isNull() || figure.asDouble() <= 0) {
            throw new IllegalStateException("the answer of '" + kind + "' has no figures: " + body.substring(0, Math.min(400, body.length())));
        }
    }

    private static String bcryptMillis() {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        String hash = Crypto.bcrypt(PASSWORD.toCharArray(), new SecureRandom());
        long[] t = new long[20];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            if (!encoder.matches(PASSWORD, hash)) {
                throw new IllegalStateException("bcrypt hash does not match");
            }
            t[i] = System.nanoTime() - t0;
        }
        return String.format("%.1f", pct(t, 0.5) / 1e6);
    }

    private static long pct(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String percentiles(long[] nanos) {
        return String.format("%.1f / %.1f / %.1f", pct(nanos, 0.50) / 1e6, pct(nanos, 0.95) / 1e6, pct(nanos, 1.0) / 1e6);
    }

    // ---- support ----

    private void send(SignedCommandService service, Object command, String keyId, PrivateKey key) {
        SignedEnvelope e = signer.sign(command, keyId, key, Clock.systemUTC(), nonces);
        service.send(new CommandEnvelopeRequest(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce(),
                e.signature()), "bench");
    }

    private interface Task {
        void run(int n) throws Exception;
    }

    private void runParallel(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitCaughtUp(ConfigurableApplicationContext ctx) throws InterruptedException {
        ProcessorLagMetrics lag = ctx.getBean(ProcessorLagMetrics.class);
        EventProcessingConfiguration processing = ctx.getBean(EventProcessingConfiguration.class);
        Thread.sleep(500);
        while (true) {
            double worst = 0;
            for (TrackingEventProcessor p : processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast).toList()) {
                worst = Math.max(worst, lag.lag(p));
            }
            if (worst == 0) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private static long size(Path path) throws IOException {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
