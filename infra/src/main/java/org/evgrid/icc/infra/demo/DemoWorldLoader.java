package org.evgrid.icc.infra.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.evgrid.icc.coreapi.archive.AssignPilesToUnitCommand;
import org.evgrid.icc.coreapi.archive.Contact;
import org.evgrid.icc.coreapi.archive.CreateAggregationUnitCommand;
import org.evgrid.icc.coreapi.archive.DispatchAreaId;
import org.evgrid.icc.coreapi.archive.ImportBatchId;
import org.evgrid.icc.coreapi.archive.ImportPilesCommand;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileSpec;
import org.evgrid.icc.coreapi.archive.RegisterOperatorCommand;
import org.evgrid.icc.coreapi.archive.RegisterStationCommand;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.config.IccProperties;
import org.evgrid.icc.infra.demo.sim.DemoTelemetryFeeder;
import org.evgrid.icc.infra.demo.sim.SimPile;
import org.evgrid.icc.infra.demo.sim.TelemetrySender;
import org.evgrid.icc.infra.keys.KeyConfig;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ui.command.CommandEnvelopeRequest;
import org.evgrid.icc.ui.command.SignedCommandService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the demo world on the first start with an empty store, through the same signed path a partner uses: every
 * command is signed with a demo key and sent through {@link SignedCommandService} (signature, role, timestamp and
 * nonce checks included). The bootstrap administrator registers the demo users and their keys; the archive manager
 * registers the operators (with their platform keys) and the aggregation units; each operator's platform registers
 * its stations and imports its piles in batches of 1,000. Demo keys are written to {@code <data>/keys/demo/}.
 * Once the world is loaded (now or on an earlier start), the demo platforms start sending simulated telemetry
 * ({@link DemoTelemetryFeeder}: back-fill of {@code icc.demo.history-days}, then live with {@code icc.demo.live}).
 * Off with {@code icc.demo.enabled=false}; the prod profile never loads it.
 */
@Component
public class DemoWorldLoader {

    /** The password of every demo user — demo only, printed in the README. */
    public static final String DEMO_PASSWORD = "Demo#2026icc";

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorldLoader.class);
    private static final String META = "icc_meta";
    private static final String CLIENT = "demo-loader";

    private final IccProperties props;
    private final SignedCommandService commands;
    private final MongoDatabase database;
    private final Clock clock;
    private final DemoTelemetryFeeder telemetry;
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final Supplier<String> nonces = EnvelopeSigner.randomNonces();

    public DemoWorldLoader(IccProperties props, SignedCommandService commands, MongoDatabase database, Clock clock,
                           DemoTelemetryFeeder telemetry) {
        this.props = props;
        this.commands = commands;
        this.database = database;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    /** A demo signer: key id and private key. */
    private record Signer(String keyId, PrivateKey key) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (!props.demo().enabled()) {
            return;
        }
        Document meta = database.getCollection(META).find(Filters.eq("_id", "demo")).first();
        if (meta != null) {
            if (!"loaded".equals(meta.getString("status"))) {
                LOG.warn("The demo world was only partly loaded before (status {}); delete the data directory {} to load it again",
                        meta.getString("status"), props.dataDir().toAbsolutePath());
            } else {
                startTelemetrySafely();
            }
            return;
        }
        Thread loader = new Thread(this::loadSafely, "icc-demo-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadSafely() {
        try {
            load();
        } catch (IOException | RuntimeException e) {
            LOG.error("Loading the demo world failed; the center runs on without it", e);
            return;
        }
        startTelemetrySafely();
    }

    private void startTelemetrySafely() {
        try {
            startTelemetry();
        } catch (IOException | RuntimeException e) {
            LOG.error("Starting the demo telemetry failed; the center runs on without it", e);
        }
    }

    /** Starts the demo platforms' simulated telemetry for the demo piles, signed with the platform keys in keys/demo. */
    public void startTelemetry() throws IOException {
        DemoWorld world = new DemoWorld(props.demo().piles());
        Path demoKeys = props.dataDir().resolve("keys").resolve("demo");
        List<SimPile> piles = new ArrayList<>();
        Map<OperatorId, TelemetrySender.PlatformKey> keys = new HashMap<>();
        for (int i = 0; i < DemoWorld.OPERATORS.size(); i++) {
            OperatorId op = DemoWorld.OPERATORS.get(i).id();
            world.piles(i).forEach(spec -> piles.add(SimPile.of(op, spec)));
            String keyId = platformKeyId(op);
            keys.put(op, new TelemetrySender.PlatformKey(keyId, Crypto.readPrivateKey(Files.readString(demoKeys.resolve(keyId + ".pem")))));
        }
        telemetry.start(piles, keys);
    }

    private static String platformKeyId(OperatorId op) {
        return "key-" + op.value().toLowerCase(Locale.ROOT);
    }

    /** Loads the whole demo world; returns when every command has been accepted. */
    public void load() throws IOException {
        long start = System.nanoTime();
        setStatus("loading");
        Path keys = props.dataDir().resolve("keys");
        Path demoKeys = keys.resolve("demo");
        Files.createDirectories(demoKeys);
        Path adminKey = keys.resolve(props.bootstrap().adminKeyId() + ".pem");
        if (!Files.exists(adminKey)) {
            throw new IOException("The demo loader needs the bootstrap administrator's private key at " + adminKey);
        }
        Signer admin = new Signer(props.bootstrap().adminKeyId(), Crypto.readPrivateKey(Files.readString(adminKey)));
        String passwordHash = Crypto.bcrypt(DEMO_PASSWORD.toCharArray(), new SecureRandom());

        Map<String, Role> users = Map.of("archivist", Role.ARCHIVE_MANAGER, "trader", Role.TRADER, "dispatcher", Role.DISPATCHER,
                "clerk", Role.SETTLEMENT_CLERK, "auditor", Role.AUDITOR, "regulator", Role.REGULATOR, "secadmin", Role.SYSTEM_ADMIN);
        Signer archivist = null;
        for (Map.Entry<String, Role> user : users.entrySet()) {
            String name = user.getKey();
            Set<Role> roles = Set.of(user.getValue());
            send(admin, new RegisterUserCommand(new UserId(name), "演示用户 " + name, roles, DataScope.HEADQUARTERS, null, passwordHash));
            Signer key = newKey(demoKeys, "key-" + name, SignatureAlgorithm.SM2_SM3);
            send(admin, new RegisterSignerKeyCommand(new KeyId(key.keyId()), SignatureAlgorithm.SM2_SM3,
                    Files.readString(demoKeys.resolve(key.keyId() + ".pub.pem")), name, roles, null, DataScope.HEADQUARTERS));
            if (user.getValue() == Role.ARCHIVE_MANAGER) {
                archivist = key;
            }
        }

        DemoWorld world = new DemoWorld(props.demo().piles());
        List<Signer> platforms = new ArrayList<>();
        for (DemoWorld.Operator op : DemoWorld.OPERATORS) {
            Signer platform = newKey(demoKeys, platformKeyId(op.id()), SignatureAlgorithm.ED25519);
            platforms.add(platform);
            send(archivist, new RegisterOperatorCommand(op.id(), op.name(), op.creditCode(),
                    new Contact("运营值班", "400-800-" + (1000 + platforms.size()), "ops" + platforms.size() + "@example.cn"),
                    new java.math.BigDecimal("0.8500"), List.of(new PublicKeySpec(new KeyId(platform.keyId()), SignatureAlgorithm.ED25519,
                    Files.readString(demoKeys.resolve(platform.keyId() + ".pub.pem"))))));
        }
        for (DemoWorld.Station s : world.stations()) {
            Signer platform = platforms.get(indexOf(s));
            send(platform, new RegisterStationCommand(s.id(), s.operator(), s.name(), s.region(), s.location(), s.area()));
        }
        int batch = 0;
        for (int i = 0; i < DemoWorld.OPERATORS.size(); i++) {
            List<PileSpec> piles = world.piles(i);
            for (int from = 0; from < piles.size(); from += 1000) {
                send(platforms.get(i), new ImportPilesCommand(new ImportBatchId("DEMO-IMPORT-" + (++batch)), DemoWorld.OPERATORS.get(i).id(),
                        piles.subList(from, Math.min(piles.size(), from + 1000))));
            }
        }
        for (DemoWorld.Unit u : DemoWorld.UNITS) {
            send(archivist, new CreateAggregationUnitCommand(u.id(), u.name(), u.area(), u.province()));
        }
        assignToUnits(world, archivist);
        setStatus("loaded");
        LOG.info("Demo world loaded in {} s: {} operators, {} stations, {} piles, {} aggregation units. Demo keys: {}; demo users "
                        + "(password {}): {}. Swagger UI: /swagger-ui/index.html, health: /actuator/health",
                (System.nanoTime() - start) / 1_000_000_000, DemoWorld.OPERATORS.size(), world.stations().size(), props.demo().piles(),
                DemoWorld.UNITS.size(), demoKeys.toAbsolutePath(), DEMO_PASSWORD, users.keySet());
    }

    private void assignToUnits(DemoWorld world, Signer archivist) {
        // In each dispatch area, 4 of 5 piles join one of the area's units, in turn; the rest stay unassigned.
        for (DemoWorld.City city : DemoWorld.CITIES) {
            DispatchAreaId area = city.area();
            List<DemoWorld.Unit> units = DemoWorld.UNITS.stream().filter(u -> u.area().equals(area)).toList();
            List<List<PileId>> members = new ArrayList<>();
            units.forEach(u -> members.add(new ArrayList<>()));
            int n = 0;
            for (int i = 0; i < DemoWorld.OPERATORS.size(); i++) {
                for (PileSpec p : world.piles(i)) {
                    if (world.areaOf(p.stationId()).equals(area) && n++ % 5 != 4) {
                        members.get(n % units.size()).add(p.pileId());
                    }
                }
            }
            for (int u = 0; u < units.size(); u++) {
                List<PileId> ids = members.get(u);
                for (int from = 0; from < ids.size(); from += 1000) {
                    send(archivist, new AssignPilesToUnitCommand(units.get(u).id(), ids.subList(from, Math.min(ids.size(), from + 1000))));
                }
            }
        }
    }

    private static int indexOf(DemoWorld.Station s) {
        for (int i = 0; i < DemoWorld.OPERATORS.size(); i++) {
            if (DemoWorld.OPERATORS.get(i).id().equals(s.operator())) {
                return i;
            }
        }
        throw new IllegalStateException("unknown demo operator " + s.operator());
    }

    private Signer newKey(Path dir, String keyId, SignatureAlgorithm algorithm) throws IOException {
        KeyPair pair = KeyConfig.writeKeyPair(dir.resolve(keyId + ".pem"), dir.resolve(keyId + ".pub.pem"), algorithm);
        return new Signer(keyId, pair.getPrivate());
    }

    private void send(Signer who, Object command) {
        SignedEnvelope e = signer.sign(command, who.keyId(), who.key(), clock, nonces);
        commands.send(new CommandEnvelopeRequest(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce(),
                e.signature()), CLIENT);
    }

    private void setStatus(String status) {
        database.getCollection(META).replaceOne(Filters.eq("_id", "demo"),
                new Document("_id", "demo").append("status", status).append("at", clock.instant().toString()),
                new ReplaceOptions().upsert(true));
    }
}
