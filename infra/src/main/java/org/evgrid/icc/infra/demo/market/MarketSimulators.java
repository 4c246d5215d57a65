package org.evgrid.icc.infra.demo.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dr.PublishDrEventCommand;
import org.evgrid.icc.coreapi.dr.RegisterDrProgramCommand;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.RegisterSignerKeyCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.infra.config.IccProperties;
import org.evgrid.icc.infra.demo.market.internal.CenterSignatureCheck;
import org.evgrid.icc.infra.demo.market.internal.ExchangeBook;
import org.evgrid.icc.infra.demo.market.internal.SignedPoster;
import org.evgrid.icc.infra.tls.CenterTls;
import org.evgrid.icc.infra.gateway.GatewayEndpoints;
import org.evgrid.icc.infra.keys.CenterKey;
import org.evgrid.icc.infra.keys.KeyConfig;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.EnvelopeSigner;
import org.evgrid.icc.ledger.signing.SignedEnvelope;
import org.evgrid.icc.ui.command.CommandEnvelopeRequest;
import org.evgrid.icc.ui.command.SignedCommandService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's market side (demo and tests only): the exchange simulator ({@code icc.sim.exchange.enabled}) and the
 * operator-platform simulator ({@code icc.sim.operators.enabled}), both on by default when the demo is. They listen
 * from construction, so the gateway can fall back to their addresses ({@link GatewayEndpoints}). Once the center is
 * ready, the exchange's SM2 key ({@code key-exchange-sim}, role EXCHANGE_GATEWAY) is registered by the bootstrap
 * administrator through the signed path, as the demo registers its keys, and the exchange ticks every second on the
 * center's clock. Everything the simulators send goes signed over real HTTP to {@code /api/v1/commands}. The operator
 * platforms sign with the demo platform keys in {@code <data>/keys/demo} ({@code key-<operator>.pem}) or with keys
 * given to {@link #usePlatformKey}.
 */
@Component
@EnableConfigurationProperties(SimProperties.class)
public class MarketSimulators implements GatewayEndpoints {

    /** The exchange's key id. */
    public static final String EXCHANGE_KEY_ID = "key-exchange-sim";

    private static final Logger LOG = LoggerFactory.getLogger(MarketSimulators.class);

    private final SimProperties sim;
    private final IccProperties icc;
    private final SignedCommandService commands;
    private final MongoDatabase database;
    private final Clock clock;
    private final Environment env;
    private final SignedPoster poster;
    private final Map<OperatorId, SignedPoster.Key> platformKeys = new ConcurrentHashMap<>();
    private volatile SignedPoster.Key exchangeKey;
    private ExchangeSimulator exchange;
    private OperatorPlatformSimulator operators;
    private ScheduledExecutorService ticker;
    private String lastTickError;
    private CenterSignatureCheck centerSignature;

    public MarketSimulators(SimProperties sim, IccProperties icc, SignedCommandService commands, MongoDatabase database, Clock clock,
                            Environment env) {
        this.sim = sim;
        this.icc = icc;
        this.commands = commands;
        this.database = database;
        this.clock = clock;
        this.env = env;
        this.poster = new SignedPoster(clock, CenterTls.clientContext(env));
    }

    /**
     * The simulators check the center's signature on every request the gateway sends them, with the center's public key
     * (in process; a real exchange or platform would be given the center's public key PEM).
     */
    @Autowired(required = false)
    void verifyCenterWith(CenterKey key) {
        this.centerSignature = new CenterSignatureCheck(key.keyId(), key.algorithm(), key.publicKey());
    }

    @PostConstruct
    void listen() throws IOException {
        boolean demo = icc.demo().enabled();
        if (enabled(sim.exchange().enabled(), demo)) {
            ExchangeBook book = new ExchangeBook(database.getCollection(ExchangeBook.COLLECTION), sim.exchange(), this::sendAsExchange);
            exchange = new ExchangeSimulator(sim.exchange().port(), book);
            exchange.requireCenterSignature(centerSignature);
            LOG.info("Exchange simulator listening at {}", exchange.url());
        }
        if (enabled(sim.operators().enabled(), demo)) {
            operators = new OperatorPlatformSimulator(sim.operators().port(), sim.operators(), this::platformKey, poster);
            operators.requireCenterSignature(centerSignature);
            LOG.info("Operator-platform simulator listening at {}", operators.urlTemplate());
        }
    }

    private static boolean enabled(Boolean configured, boolean demo) {
        return configured == null ? demo : configured;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (exchange == null) {
            return;
        }
        try {
            exchangeKey = registerExchangeKey();
        } catch (IOException | RuntimeException e) {
            LOG.error("Exchange simulator: its key could not be registered; it sends nothing", e);
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "icc-sim-exchange");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            exchange.book().tick(clock.instant());
            lastTickError = null;
        } catch (RuntimeException e) {
            if (!e.toString().equals(lastTickError)) {
                LOG.warn("Exchange simulator: a tick failed, trying again every second: {}", e.toString());
                lastTickError = e.toString();
            }
        }
    }

    private SignedPoster.Key registerExchangeKey() throws IOException {
        Path dir = keyDir();
        Path privateFile = dir.resolve(EXCHANGE_KEY_ID + ".pem");
        Path publicFile = dir.resolve(EXCHANGE_KEY_ID + ".pub.pem");
        if (!Files.exists(privateFile)) {
            KeyConfig.writeKeyPair(privateFile, publicFile, SignatureAlgorithm.SM2_SM3);
        }
        Path adminFile = icc.dataDir().resolve("keys").resolve(icc.bootstrap().adminKeyId() + ".pem");
        if (!Files.exists(adminFile)) {
            throw new IOException("the simulators need the bootstrap administrator's private key at " + adminFile);
        }
        SignedEnvelope e = new EnvelopeSigner().sign(new RegisterSignerKeyCommand(new KeyId(EXCHANGE_KEY_ID), SignatureAlgorithm.SM2_SM3,
                Files.readString(publicFile), "exchange-sim", Set.of(Role.EXCHANGE_GATEWAY), null, DataScope.HEADQUARTERS),
                icc.bootstrap().adminKeyId(), Crypto.readPrivateKey(Files.readString(adminFile)), clock, EnvelopeSigner.randomNonces());
        try {
            commands.send(new CommandEnvelopeRequest(e.commandType(), e.payload(), e.keyId(), e.algorithm(), e.timestamp(), e.nonce(),
                    e.signature()), "market-simulator");
            LOG.info("Exchange simulator: key {} registered", EXCHANGE_KEY_ID);
        } catch (IccException refused) {
            if (refused.category() != ErrorCategory.CONFLICT) {
                throw refused;
            }
        }
        return new SignedPoster.Key(EXCHANGE_KEY_ID, Crypto.readPrivateKey(Files.readString(privateFile)));
    }

    private Path keyDir() {
        return sim.keyDir().isBlank() ? icc.dataDir().resolve("keys").resolve("demo") : Path.of(sim.keyDir());
    }

    /** The center's command endpoint. */
    public String commandUrl() {
        String base = !sim.centerUrl().isBlank() ? sim.centerUrl() : CenterTls.localBaseUrl(env);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/commands";
    }

    private boolean sendAsExchange(Object command) {
        SignedPoster.Key key = exchangeKey;
        if (key == null) {
            return true;
        }
        SignedPoster.Answer a = poster.post(commandUrl(), command, key);
        if (!a.ok() && !a.retry()) {
            LOG.warn("Exchange simulator: the center refused {}: HTTP {} {}", command.getClass().getSimpleName(), a.status(), a.body());
        }
        return a.retry();
    }

    private SignedPoster.Key platformKey(OperatorId operator) {
        return platformKeys.computeIfAbsent(operator, op -> {
            for (String keyId : new String[] {"key-" + op.value().toLowerCase(Locale.ROOT), "key-" + op.value()}) {
                Path file = keyDir().resolve(keyId + ".pem");
                if (Files.exists(file)) {
                    try {
                        return new SignedPoster.Key(keyId, Crypto.readPrivateKey(Files.readString(file)));
                    } catch (IOException e) {
                        LOG.warn("Operator-platform simulator: cannot read {}: {}", file, e.toString());
                    }
                }
            }
            return null;
        });
    }

    /** Lets the simulated platform of an operator sign with the given key (tests: operators outside the demo world). */
    public void usePlatformKey(OperatorId operator, String keyId, PrivateKey key) {
        platformKeys.put(operator, new SignedPoster.Key(keyId, key));
    }

    /** Publishes a demand response program as the exchange (dispatch center); answers the center's answer. */
    public SignedPoster.Answer registerDrProgram(RegisterDrProgramCommand command) {
        return sendSigned(command);
    }

    /** Publishes a demand response event as the exchange (dispatch center); answers the center's answer. */
    public SignedPoster.Answer publishDrEvent(PublishDrEventCommand command) {
        return sendSigned(command);
    }

    private SignedPoster.Answer sendSigned(Object command) {
        SignedPoster.Key key = exchangeKey;
        if (key == null) {
            throw new IllegalStateException("the exchange simulator is not running or its key is not registered");
        }
        return poster.post(commandUrl(), command, key);
    }

    /** The exchange simulator, or null when it is off. */
    public ExchangeSimulator exchange() {
        return exchange;
    }

    /** The operator-platform simulator, or null when it is off. */
    public OperatorPlatformSimulator operators() {
        return operators;
    }

    @Override
    public String exchangeUrl() {
        return exchange == null ? null : exchange.url();
    }

    @Override
    public String operatorPlatformUrl() {
        return operators == null ? null : operators.urlTemplate();
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (exchange != null) {
            exchange.close();
        }
        if (operators != null) {
            operators.close();
        }
    }
}
