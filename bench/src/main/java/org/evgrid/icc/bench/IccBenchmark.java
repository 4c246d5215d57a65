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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.GeoPoint;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.PileUpdatedEvent;
import org.evgrid.icc.coreapi.archive.Region;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.IccApplication;
import org.evgrid.icc.infra.demo.CreditCodes;
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
 * The benchmark harness (docs/benchmarks.md). Starts the center in this JVM on a fresh data directory and measures,
 * in one run so that ratios are fair on a shared machine:
 * <ol>
 *   <li>signed commands per second through REST (HTTP, 8 client threads) and the same commands dispatched in-process
 *       through the same signed path (no HTTP), on an empty store;</li>
 *   <li>a bulk import of 1,000 piles (seconds to acknowledgement);</li>
 *   <li>the same command rates after the store holds {@code --events} events (default 1,000,000) and the processors
 *       have caught up;</li>
 *   <li>with {@code --durability}: the empty-store rates again with the durability settings off (what they cost);</li>
 *   <li>bytes per stored event of the data directory, while open and after a clean (compacting) shutdown.</li>
 * </ol>
 * Arguments: {@code --events N --commands N --threads N --dir PATH --durability}. With {@code telemetry} as the first
 * argument it runs {@link TelemetryBenchmark} instead, with {@code statistics} {@link StatisticsBenchmark} (P3), with
 * {@code allocation} {@link AllocationBenchmark} (P5).
 */
public final class IccBenchmark {

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger pileNo = new AtomicInteger();

    private int commands = 4000;
    private int threads = 8;
    private long prefill = 1_000_000;
    private boolean durability;
    private Path dir;

    private String keyId;
    private PrivateKey key;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "telemetry".equals(args[0])) {
            TelemetryBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "allocation".equals(args[0])) {
            AllocationBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "statistics".equals(args[0])) {
            StatisticsBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        new IccBenchmark().run(args);
        System.exit(0);
    }

    private void run(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> prefill = Long.parseLong(args[++i]);
                case "--commands" -> commands = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--durability" -> durability = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("icc-bench");
        }
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + System.getProperty("java.version"));
        results.put("commands per measurement", commands);
        results.put("client threads", threads);

        if (durability) {
            try (ConfigurableApplicationContext ctx = start(dir.resolve("nondurable"), false)) {
                setUp(ctx);
                measureRates(ctx, "non-durable (H2 default write delay, no per-write commit), empty store");
            }
        }
        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext ctx = start(dir.resolve("durable"), true)) {
            results.put("cold start to ready, s", String.format("%.1f", (System.nanoTime() - startNanos) / 1e9));
            setUp(ctx);
            measureRates(ctx, "empty store");
            measureImport(ctx);
            if (prefill > 0) {
                prefillEvents(ctx);
                awaitCaughtUp(ctx, "after prefill");
                measureRates(ctx, String.format("store with %,d events", prefill));
            }
            awaitCaughtUp(ctx, "end");
            long events = events(ctx);
            results.put("events stored", events);
            results.put("event store bytes/event while open", size(dir.resolve("durable/events")) / Math.max(1, events));
            results.put("projection store bytes/event while open", size(dir.resolve("durable/projections")) / Math.max(1, events));
            results.put("__events", events);
        }
        long events = (long) results.remove("__events");
        results.put("event store bytes/event after shutdown", size(dir.resolve("durable/events")) / Math.max(1, events));
        results.put("projection store bytes/event after shutdown", size(dir.resolve("durable/projections")) / Math.max(1, events));
        StringBuilder out = new StringBuilder("\n=== ICC benchmark results ===\n");
        results.forEach((k, v) -> out.append(String.format("%-72s %s%n", k, v)));
        System.out.println(out);
        Files.writeString(dir.resolve("results.txt"), out.toString());
    }

    private ConfigurableApplicationContext start(Path data, boolean durable) {
        List<String> args = new ArrayList<>(List.of("--icc.data-dir=" + data, "--server.port=0",
                // plain HTTP on purpose: the harness measures the center, not TLS (docs/operations-tls.md)
                "--icc.tls.enabled=false", "--icc.demo.enabled=false",
                "--logging.level.root=WARN", "--logging.level.org.evgrid=WARN"));
        if (!durable) {
            args.add("--icc.store.durable-writes=false");
            args.add("--spring.datasource.url=jdbc:h2:file:" + data + "/events/icc-events;MAX_COMPACT_TIME=10000;DB_CLOSE_ON_EXIT=FALSE");
        }
        return new SpringApplicationBuilder(IccApplication.class).run(args.toArray(String[]::new));
    }

    private void setUp(ConfigurableApplicationContext ctx) throws IOException {
        Path data = Path.of(ctx.getEnvironment().getProperty("icc.data-dir"));
        PrivateKey admin = Crypto.readPrivateKey(Files.readString(data.resolve("keys/admin-bootstrap.pem")));
        SignedCommandService service = ctx.getBean(SignedCommandService.class);
        KeyPair archivist = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        send(service, new RegisterSignerKeyCommand(new KeyId("bench-archivist"), SignatureAlgorithm.SM2_SM3, Crypto.toPem(archivist.getPublic()),
                "bench", Set.of(Role.ARCHIVE_MANAGER), null, DataScope.HEADQUARTERS), "admin-bootstrap", admin);
        KeyPair platform = Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3);
        send(service, new RegisterOperatorCommand(new OperatorId("OP-BENCH"), "压测运营商", CreditCodes.withCheck("91320100MA1BENCH1"),
                new Contact("压测", "025-0000-0000", null), new BigDecimal("0.85"),
                List.of(new PublicKeySpec(new KeyId("bench-platform"), SignatureAlgorithm.SM2_SM3, Crypto.toPem(platform.getPublic())))),
                "bench-archivist", archivist.getPrivate());
        keyId = "bench-platform";
        key = platform.getPrivate();
        for (int s = 0; s < 10; s++) {
            send(service, new RegisterStationCommand(new StationId("ST-BENCH-" + s), new OperatorId("OP-BENCH"), "压测站" + s,
                    new Region("320000", "320100", "320102"), new GeoPoint(new BigDecimal("32.06"), new BigDecimal("118.79")),
                    new DispatchAreaId("DA-JS-NJ")), keyId, key);
        }
    }

    private RegisterPileCommand nextPile() {
        int n = pileNo.incrementAndGet();
        return new RegisterPileCommand(new OperatorId("OP-BENCH"), new PileId("P-BENCH-" + n), new StationId("ST-BENCH-" + (n % 10)),
                PileType.AC, new BigDecimal("7.000"), new BigDecimal("1.400"), BigDecimal.ZERO, 1);
    }

    private void send(SignedCommandService service, Object command, String signerKey, PrivateKey privateKey) {
        SignedEnvelope e = signer.sign(command, signerKey, privateKey, Clock.systemUTC(), nonces);
        service.send(new CommandEnvelopeRequest(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce(),
                e.signature()), "bench");
    }

    private void measureRates(ConfigurableApplicationContext ctx, String label) throws Exception {
        SignedCommandService service = ctx.getBean(SignedCommandService.class);
        String base = "http://localhost:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
        // Sign ahead of time: the measurement is the center's work, not the client's.
        runParallel(Math.min(200, commands), () -> postEnvelope(base, signer.sign(nextPile(), keyId, key, Clock.systemUTC(), nonces)));
        double rest = runParallel(commands, () -> postEnvelope(base, signer.sign(nextPile(), keyId, key, Clock.systemUTC(), nonces)));
        double inProcess = runParallel(commands, () -> send(service, nextPile(), keyId, key));
        results.put("signed RegisterPile/s via REST, " + label, String.format("%.0f", rest));
        results.put("signed RegisterPile/s in-process (same signed path, no HTTP), " + label, String.format("%.0f", inProcess));
        results.put("REST / in-process ratio, " + label, String.format("%.2f", rest / inProcess));
    }

    private void postEnvelope(String base, SignedEnvelope e) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/commands"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Envelopes.toJsonText(e), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("refused: " + r.body());
            }
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Runs {@code n} tasks on the client threads; answers tasks per second. */
    private double runParallel(int n, Runnable task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(n);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    task.run();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return n / seconds;
    }

    private void measureImport(ConfigurableApplicationContext ctx) {
        SignedCommandService service = ctx.getBean(SignedCommandService.class);
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            List<PileSpec> piles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                piles.add(new PileSpec(new PileId("P-IMPORT-" + run + "-" + i), new StationId("ST-BENCH-" + (i % 10)), PileType.DC,
                        new BigDecimal("60.000"), new BigDecimal("10.000"), BigDecimal.ZERO, 2));
            }
            long start = System.nanoTime();
            send(service, new ImportPilesCommand(new ImportBatchId("BENCH-IMPORT-" + run), new OperatorId("OP-BENCH"), piles), keyId, key);
            times.add((System.nanoTime() - start) / 1e9);
        }
        results.put("bulk import of 1,000 piles, s (3 runs)", times.stream().map(t -> String.format("%.2f", t)).toList());
    }

    private void prefillEvents(ConfigurableApplicationContext ctx) {
        EventStorageEngine engine = ctx.getBean(EventStorageEngine.class);
        long start = System.nanoTime();
        int batch = 1000;
        for (long i = 0; i < prefill; i += batch) {
            List<DomainEventMessage<?>> events = new ArrayList<>(batch);
            for (int j = 0; j < batch && i + j < prefill; j++) {
                long n = i + j;
                String aggregate = "pile:P-PREFILL-" + (n / 10);
                events.add(new GenericDomainEventMessage<>("Pile", aggregate, n % 10,
                        new PileUpdatedEvent(new PileId("P-PREFILL-" + (n / 10)), new OperatorId("OP-PREFILL"), new BigDecimal("7.000"),
                                new BigDecimal("1.400"), BigDecimal.ZERO, 1), MetaData.emptyInstance()));
            }
            engine.appendEvents(events);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.put(String.format("prefill: %,d events appended, events/s", prefill), String.format("%.0f", prefill / seconds));
    }

    private void awaitCaughtUp(ConfigurableApplicationContext ctx, String label) throws InterruptedException {
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
        results.put("processors caught up (" + label + "), s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    private static long events(ConfigurableApplicationContext ctx) {
        Long n = ctx.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
