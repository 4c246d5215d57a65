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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.OperatorId;
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
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.telemetry.PowerReading;
import org.evgrid.icc.coreapi.telemetry.ReportPowerReadingsCommand;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.demo.CreditCodes;
import org.evgrid.icc.infra.demo.sim.ChargingLoadSimulator;
import org.evgrid.icc.infra.demo.sim.IntervalFrame;
import org.evgrid.icc.infra.demo.sim.OutageRates;
import org.evgrid.icc.infra.demo.sim.SimPile;
import org.evgrid.icc.infra.demo.sim.TelemetrySender;
import org.evgrid.icc.infra.demo.sim.TouTariff;
import org.evgrid.icc.infra.health.ProcessorLagMetrics;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ui.command.CommandEnvelopeRequest;
import org.evgrid.icc.ui.command.SignedCommandService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The telemetry benchmark (docs/benchmarks.md, "P1"): one 5-minute interval of {@code --piles} piles (default
 * 300,000) ingested through the signed REST API in batches of {@code --batch} (default 5,000) from {@code --threads}
 * client threads, on the embedded store; in the same run the same readings written with the raw MongoDB driver into
 * the same store, once as one document per batch (the {@code tel_readings} bucket layout) and once as one document
 * per reading. Setup (registering the piles through the bulk {@code ImportPiles} path) is timed and reported, not
 * part of the measurement. "P3" (statistics queries over the pre-aggregated roll-ups) is its own mode,
 * {@link StatisticsBenchmark}.
 *
 * <p>Arguments: {@code --piles N --batch N --threads N --dir PATH}. Run: {@code java -jar icc-bench.jar telemetry ...}.
 */
public final class TelemetryBenchmark {

    /** Operators the piles are spread over (a deployment has many; one 300,000-pile operator is not realistic). */
    private static final int OPERATORS = 10;
    /** Cities (Jiangsu), districts per city and dispatch areas the stations are spread over. */
    private static final String[] CITIES = {"320100", "320200", "320300", "320400", "320500", "320600", "320700", "320800"};
    private static final int DISTRICTS_PER_CITY = 10;
    private static final int AREAS = 8;
    private static final int PILES_PER_STATION = 1_000;
    private static final int IMPORT_BATCH = 1_000;

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int piles = 300_000;
    private int batch = 5_000;
    private int threads = 4;
    private Path dir;
    private final Map<OperatorId, TelemetrySender.PlatformKey> platforms = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new TelemetryBenchmark().run(args);
        System.exit(0);
    }

    private void run(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--piles" -> piles = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("icc-bench-telemetry");
        }
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + System.getProperty("java.version"));
        results.put("piles, batch size, client threads", piles + ", " + batch + ", " + threads);
        try (ConfigurableApplicationContext ctx = start(dir.resolve("telemetry"))) {
            List<PileSpec> specs = setUp(ctx);
            List<ReportPowerReadingsCommand> commands = generate(specs);
            measureOurs(ctx, commands);
            measureRaw(ctx, commands);
            measureStatistics(ctx);
        }
        StringBuilder out = new StringBuilder("\n=== ICC telemetry benchmark results (P1) ===\n");
        results.forEach((k, v) -> out.append(String.format("%-72s %s%n", k, v)));
        System.out.println(out);
        Files.writeString(dir.resolve("results-telemetry.txt"), out.toString());
    }

    private ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(IccApplication.class).run("--icc.data-dir=" + data, "--server.port=0",
                // plain HTTP on purpose: the harness measures the center, not TLS (docs/operations-tls.md)
                "--icc.tls.enabled=false",
                "--icc.demo.enabled=false", "--logging.level.root=WARN", "--logging.level.org.evgrid=WARN");
    }

    // ---- setup: an operator, its stations and piles through the bulk import ----

    private List<PileSpec> setUp(ConfigurableApplicationContext ctx) throws Exception {
        long start = System.nanoTime();
        Path data = Path.of(ctx.getEnvironment().getProperty("icc.data-dir"));
        PrivateKey admin = Crypto.readPrivateKey(Files.readString(data.resolve("keys/admin-bootstrap.pem")));
        SignedCommandService service = ctx.getBean(SignedCommandService.class);
        KeyPair archivist = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        send(service, new RegisterSignerKeyCommand(new KeyId("telbench-archivist"), SignatureAlgorithm.SM2_SM3,
                Crypto.toPem(archivist.getPublic()), "bench", Set.of(Role.ARCHIVE_MANAGER), null, DataScope.HEADQUARTERS),
                "admin-bootstrap", admin);
        int perOperator = (piles + OPERATORS - 1) / OPERATORS;
        for (int o = 0; o < OPERATORS; o++) {
            KeyPair platform = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
            String keyId = "telbench-platform-" + o;
            OperatorId operator = operator(o);
            send(service, new RegisterOperatorCommand(operator, "遥测压测运营商" + o, CreditCodes.withCheck(String.format("91320100MA1TELB%02d", o)),
                    new Contact("压测", "025-0000-0000", null), new BigDecimal("0.85"),
                    List.of(new PublicKeySpec(new KeyId(keyId), SignatureAlgorithm.SM2_SM3, Crypto.toPem(platform.getPublic())))),
                    "telbench-archivist", archivist.getPrivate());
            platforms.put(operator, new TelemetrySender.PlatformKey(keyId, platform.getPrivate()));
        }
        int stations = (piles + PILES_PER_STATION - 1) / PILES_PER_STATION;
        for (int s = 0; s < stations; s++) {
            OperatorId operator = operator(s * PILES_PER_STATION / perOperator);
            String city = CITIES[s % CITIES.length];
            String district = city.substring(0, 4) + String.format("%02d", 1 + (s / CITIES.length) % DISTRICTS_PER_CITY);
            TelemetrySender.PlatformKey key = platforms.get(operator);
            send(service, new RegisterStationCommand(station(s), operator, "遥测压测站" + s, new Region("320000", city, district),
                    new GeoPoint(new BigDecimal("32.06"), new BigDecimal("118.79")), new DispatchAreaId("DA-TELBENCH-" + s % AREAS)),
                    key.keyId(), key.key());
        }
        List<PileSpec> specs = new ArrayList<>(piles);
        for (int i = 0; i < piles; i++) {
            specs.add(pile(i));
        }
        long importStart = System.nanoTime();
        int imports = (piles + IMPORT_BATCH - 1) / IMPORT_BATCH;
        runParallel(imports, n -> {
            OperatorId operator = operator(n * IMPORT_BATCH / perOperator);
            TelemetrySender.PlatformKey key = platforms.get(operator);
            send(service, new ImportPilesCommand(new ImportBatchId("TELBENCH-" + n), operator,
                    specs.subList(n * IMPORT_BATCH, Math.min(piles, (n + 1) * IMPORT_BATCH))), key.keyId(), key.key());
        });
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        double caughtUp = awaitCaughtUp(ctx);
        results.put(String.format("setup: %,d piles via %d ImportPiles commands, s", piles, imports), String.format("%.1f", importSeconds));
        results.put("setup: processors caught up afterwards, s", String.format("%.1f", caughtUp));
        results.put("setup: total (keys, operator, " + stations + " stations, import, catch-up), s",
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return specs;
    }

    private static OperatorId operator(int o) {
        return new OperatorId(String.format("OP-TELBENCH-%02d", o));
    }

    private OperatorId operatorOf(PileSpec pile) {
        int s = Integer.parseInt(pile.stationId().value().substring("ST-TELBENCH-".length()));
        return operator(s * PILES_PER_STATION / ((piles + OPERATORS - 1) / OPERATORS));
    }

    private static StationId station(int s) {
        return new StationId("ST-TELBENCH-" + s);
    }

    private static PileSpec pile(int i) {
        PileId id = new PileId("P-TEL-" + i);
        StationId st = station(i / PILES_PER_STATION);
        return switch (i % 10) {
            case 0, 1, 2, 3, 4, 5 -> new PileSpec(id, st, PileType.AC, new BigDecimal("7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1);
            case 6, 7, 8 -> new PileSpec(id, st, PileType.DC, new BigDecimal(i % 2 == 0 ? "60.000" : "120.000"), new BigDecimal("10.000"),
                    BigDecimal.ZERO, 2);
            default -> new PileSpec(id, st, PileType.V2G, new BigDecimal("20.000"), new BigDecimal("2.000"), new BigDecimal("20.000"), 1);
        };
    }

    // ---- the interval ----

    private List<ReportPowerReadingsCommand> generate(List<PileSpec> specs) {
        List<SimPile> simPiles = specs.stream().map(s -> SimPile.of(operatorOf(s), s)).toList();
        // No outages: every pile reports, so both paths write exactly `piles` readings.
        ChargingLoadSimulator sim = new ChargingLoadSimulator(simPiles, 20_261_126L, ChargingLoadSimulator.CHINA, OutageRates.NONE,
                TouTariff.DEFAULT);
        LocalDate today = sim.localDay(Instant.now());
        // 19:00 local of the previous day: a busy evening interval that is certainly over.
        Instant interval = sim.dayStart(today.minusDays(1)).plus(Duration.ofHours(19));
        long start = System.nanoTime();
        IntervalFrame frame = sim.interval(interval, null);
        results.put(String.format("simulating one interval of %,d piles, s", piles), String.format("%.2f", (System.nanoTime() - start) / 1e9));
        TelemetrySender sender = new TelemetrySender(simPiles, platforms,
                e -> {
                    throw new UnsupportedOperationException("the harness posts the envelopes itself");
                }, Clock.systemUTC(), ChargingLoadSimulator.CHINA, batch);
        start = System.nanoTime();
        List<ReportPowerReadingsCommand> commands = sender.powerCommands(frame);
        results.put("building " + commands.size() + " ReportPowerReadings commands, s", String.format("%.2f", (System.nanoTime() - start) / 1e9));
        return commands;
    }

    // ---- ours: signed REST ----

    private void measureOurs(ConfigurableApplicationContext ctx, List<ReportPowerReadingsCommand> commands) throws Exception {
        String base = "http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
        // Sign ahead of time: the measurement is the center's work, not the client's.
        long start = System.nanoTime();
        List<String> bodies = new ArrayList<>(commands.size());
        for (ReportPowerReadingsCommand c : commands) {
            TelemetrySender.PlatformKey key = platforms.get(c.operatorId());
            bodies.add(Envelopes.toJsonText(signer.sign(c, key.keyId(), key.key(), Clock.systemUTC(), nonces)));
        }
        results.put("signing " + commands.size() + " envelopes (client side, not measured), s",
                String.format("%.2f", (System.nanoTime() - start) / 1e9));
        AtomicReference<String> refusal = new AtomicReference<>();
        double seconds = runParallel(bodies.size(), n -> {
            String problem = post(base, bodies.get(n));
            if (problem != null) {
                refusal.compareAndSet(null, problem);
            }
        });
        if (refusal.get() != null) {
            results.put("ours: signed REST ingestion", "NOT AVAILABLE — first refusal: " + abbreviate(refusal.get()));
            results.put("__ours", Double.NaN);
            return;
        }
        results.put(String.format("ours: %,d readings via signed REST (%d batches), s", piles, bodies.size()), String.format("%.2f", seconds));
        results.put("ours: readings/s", String.format("%.0f", piles / seconds));
        results.put("__ours", seconds);
        // The batch events still have to be chained and projected: how long until the processors are idle.
        results.put("ours: processors caught up after the interval, s", String.format("%.1f", awaitCaughtUp(ctx)));
    }

    private String post(String base, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/commands"))
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? null : r.statusCode() + " " + r.body();
        } catch (IOException ex) {
            return ex.toString();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return ex.toString();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    // ---- raw driver baselines ----

    private void measureRaw(ConfigurableApplicationContext ctx, List<ReportPowerReadingsCommand> commands) throws Exception {
        MongoDatabase db = ctx.getBean(MongoDatabase.class);
        MongoCollection<Document> buckets = db.getCollection("bench_raw_bucket");
        MongoCollection<Document> each = db.getCollection("bench_raw_each");
        buckets.deleteMany(new Document());
        each.deleteMany(new Document());
        Date receivedAt = new Date();
        double bucketSeconds = runParallel(commands.size(), n -> buckets.insertOne(bucket(commands.get(n), receivedAt)));
        double eachSeconds = runParallel(commands.size(), n -> each.insertMany(perReading(commands.get(n), receivedAt)));
        results.put(String.format("raw driver, one document per batch (bucket layout): %,d readings, s", piles),
                String.format("%.2f", bucketSeconds));
        results.put("raw driver, one document per batch: readings/s", String.format("%.0f", piles / bucketSeconds));
        results.put(String.format("raw driver, one document per reading (insertMany per batch): %,d readings, s", piles),
                String.format("%.2f", eachSeconds));
        results.put("raw driver, one document per reading: readings/s", String.format("%.0f", piles / eachSeconds));
        double ours = (double) results.remove("__ours");
        if (!Double.isNaN(ours)) {
            results.put("ratio ours / raw (time), bucket layout", String.format("%.1f", ours / bucketSeconds));
            results.put("ratio ours / raw (time), document per reading", String.format("%.1f", ours / eachSeconds));
        }
    }

    /** One batch as a {@code tel_readings} document (docs/telemetry-store.md), without the Merkle root. */
    private static Document bucket(ReportPowerReadingsCommand c, Date receivedAt) {
        String period = c.batchId().value().split("-POWER-")[1].substring(0, 12);
        List<String> pile = new ArrayList<>();
        List<Long> avg = new ArrayList<>();
        List<Long> max = new ArrayList<>();
        List<String> st = new ArrayList<>();
        List<Integer> soc = new ArrayList<>();
        List<Integer> con = new ArrayList<>();
        List<String> q = new ArrayList<>();
        for (PowerReading r : c.readings()) {
            pile.add(r.pileId().value());
            avg.add(r.avgKw().movePointRight(3).longValueExact());
            max.add(r.maxKw().movePointRight(3).longValueExact());
            st.add(r.status().name());
            soc.add(r.socPercent());
            con.add(r.connectorNo());
            q.add(r.quality().name());
        }
        return new Document("_id", c.operatorId() + "|POWER|" + period + "|" + c.batchId()).append("op", c.operatorId().value())
                .append("kind", "POWER").append("batch", c.batchId().value()).append("period", Date.from(c.intervalStart()))
                .append("day", c.intervalStart().atOffset(ZoneOffset.ofHours(8)).toLocalDate().toString()).append("receivedAt", receivedAt)
                .append("n", c.readings().size()).append("pile", pile).append("avgW", avg).append("maxW", max).append("st", st)
                .append("soc", soc).append("con", con).append("q", q);
    }

    private static List<Document> perReading(ReportPowerReadingsCommand c, Date receivedAt) {
        List<Document> docs = new ArrayList<>(c.readings().size());
        Date period = Date.from(c.intervalStart());
        for (PowerReading r : c.readings()) {
            docs.add(new Document("_id", r.pileId().value() + "|" + c.intervalStart().getEpochSecond() + "|" + c.batchId())
                    .append("op", c.operatorId().value()).append("pile", r.pileId().value()).append("period", period)
                    .append("avgW", r.avgKw().movePointRight(3).longValueExact()).append("maxW", r.maxKw().movePointRight(3).longValueExact())
                    .append("st", r.status().name()).append("soc", r.socPercent()).append("con", r.connectorNo())
                    .append("q", r.quality().name()).append("batch", c.batchId().value()).append("receivedAt", receivedAt));
        }
        return docs;
    }

    // ---- P3 ----

    /** P3 (statistics queries over the roll-ups) is its own mode: {@link StatisticsBenchmark}. */
    private void measureStatistics(ConfigurableApplicationContext ctx) {
        results.put("P3 statistics queries over roll-ups", "measured by its own mode: java -jar icc-bench.jar statistics (docs/benchmarks.md)");
    }

    // ---- support ----

    private void send(SignedCommandService service, Object command, String keyId, PrivateKey key) {
        SignedEnvelope e = signer.sign(command, keyId, key, Clock.systemUTC(), nonces);
        service.send(new CommandEnvelopeRequest(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce(),
                e.signature()), "bench");
    }

    /** Runs tasks 0..n-1 on the client threads; answers the seconds taken. */
    private double runParallel(int n, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double awaitCaughtUp(ConfigurableApplicationContext ctx) throws InterruptedException {
        ProcessorLagMetrics lag = ctx.getBean(ProcessorLagMetrics.class);
        EventProcessingConfiguration processing = ctx.getBean(EventProcessingConfiguration.class);
        long start = System.nanoTime();
        while (true) {
            double worst = 0;
            for (TrackingEventProcessor p : processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast).toList()) {
                worst = Math.max(worst, lag.lag(p));
            }
            if (worst == 0) {
                break;
            }
            Thread.sleep(1000);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
