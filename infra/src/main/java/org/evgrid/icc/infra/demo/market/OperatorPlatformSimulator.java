package org.evgrid.icc.infra.demo.market;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionResult;
import org.evgrid.icc.coreapi.dispatch.ReportInstructionResultCommand;
import org.evgrid.icc.infra.demo.market.internal.CenterSignatureCheck;
import org.evgrid.icc.infra.demo.market.internal.SignedPoster;
import org.evgrid.icc.ledger.json.IccJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated operator platforms (JDK server on loopback) receiving dispatch instructions at
 * {@code POST /ocpi/{operatorId}/chargingprofiles}. Each platform answers at once (OCPI ChargingProfileResponse):
 * {@code {"result":"REJECTED"}} for the operators in {@code icc.sim.operators.reject}, else {@code {"result":"ACCEPTED"}};
 * an accepting platform not in {@code icc.sim.operators.silent} reports its result {@code result-delay} later: a
 * {@link ReportInstructionResultCommand} (ACCEPTED, every pile of the instruction applied), signed with the
 * operator's platform key and sent to the instruction's {@code responseUrl} (repeated a few times when no answer
 * comes). A repeated instruction version (same {@code Idempotency-Key}) gets the same answer and no second result. Once
 * {@link #requireCenterSignature} is set, an instruction without the center's valid signature over its idempotency key
 * and body is answered 401 with a problem body ({@link CenterSignatureCheck}) and not acted on.
 */
public final class OperatorPlatformSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorPlatformSimulator.class);
    private static final String PREFIX = "/ocpi/";
    private static final String SUFFIX = "/chargingprofiles";
    private static final int RESULT_TRIES = 5;

    /** A result the platform reported: where to, what, and the center's status code. */
    public record SentResult(String url, ReportInstructionResultCommand command, int status) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "icc-sim-operators-http");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "icc-sim-operators-results");
        t.setDaemon(true);
        return t;
    });
    private final SimProperties.Operators config;
    private final Function<OperatorId, SignedPoster.Key> keys;
    private final SignedPoster poster;
    private final ObjectMapper mapper = IccJson.newMapper();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<SentResult> results = new CopyOnWriteArrayList<>();
    private volatile CenterSignatureCheck signatureCheck;

    /**
     * Starts listening on the loopback port (0 = any free port).
     *
     * @param keys each operator's platform key (null when the platform has none: it then reports nothing)
     */
    public OperatorPlatformSimulator(int port, SimProperties.Operators config, Function<OperatorId, SignedPoster.Key> keys,
                                     SignedPoster poster) throws IOException {
        this.config = config;
        this.keys = keys;
        this.poster = poster;
        this.server = HttpServer.create(new InetSocketAddress(SimProperties.loopback(), port), 16);
        server.createContext(PREFIX, this::instruction);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL template of the platforms (what {@code icc.gateway.operator-platform-url} would be). */
    public String urlTemplate() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + PREFIX + "{operatorId}" + SUFFIX;
    }

    /** From now on, only instructions the center signed are taken (null: any). */
    public void requireCenterSignature(CenterSignatureCheck check) {
        this.signatureCheck = check;
    }

    /** The results reported so far, in order. */
    public List<SentResult> results() {
        return List.copyOf(results);
    }

    private void instruction(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (!"POST".equals(x.getRequestMethod()) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
                ExchangeSimulator.answer(x, 404, "{\"error\":\"POST /ocpi/{operatorId}/chargingprofiles\"}");
                return;
            }
            String operator = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            byte[] bytes;
            try (InputStream in = x.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            CenterSignatureCheck check = signatureCheck;
            if (check != null && check.refused(x, bytes)) {
                LOG.warn("Operator-platform simulator: refused an instruction for {} without the center's valid signature", operator);
                return;
            }
            JsonNode body;
            try {
                body = mapper.readTree(bytes);
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.hasNonNull("instructionId")) {
                ExchangeSimulator.answer(x, 400, "{\"error\":\"an instruction with instructionId is expected\"}");
                return;
            }
            if (config.reject().contains(operator)) {
                ExchangeSimulator.answer(x, 200, "{\"result\":\"REJECTED\",\"message\":\"simulated platform rejects instructions\"}");
                return;
            }
            ExchangeSimulator.answer(x, 200, "{\"result\":\"ACCEPTED\"}");
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            String once = key != null ? key : body.get("instructionId").asText() + "-v" + body.path("version").asInt();
            if (!config.silent().contains(operator) && seen.add(once)) {
                scheduleResult(operator, body);
            }
        } catch (RuntimeException e) {
            LOG.warn("Operator-platform simulator: an instruction could not be taken: {}", e.toString());
        }
    }

    private void scheduleResult(String operator, JsonNode body) {
        int piles = body.path("chargingProfiles").size();
        ReportInstructionResultCommand result = new ReportInstructionResultCommand(new InstructionId(body.get("instructionId").asText()),
                new OperatorId(operator), InstructionResult.ACCEPTED, piles, List.of(), "模拟平台已下发充电计划 / profiles applied by the simulator");
        String url = body.path("responseUrl").asText(null);
        later.schedule(() -> report(url, result, 1), config.resultDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report(String url, ReportInstructionResultCommand result, int attempt) {
        try {
            SignedPoster.Key key = keys.apply(result.operatorId());
            if (key == null || url == null) {
                LOG.warn("Operator-platform simulator: no platform key for {} or no response address; no result sent", result.operatorId());
                return;
            }
            SignedPoster.Answer answer = poster.post(url, result, key);
            if (answer.retry() && attempt < RESULT_TRIES) {
                later.schedule(() -> report(url, result, attempt + 1), 2L * attempt, TimeUnit.SECONDS);
                return;
            }
            if (!answer.ok()) {
                LOG.warn("Operator-platform simulator: the result of {} was not taken: HTTP {} {}", result.instructionId(), answer.status(),
                        answer.body());
            }
            results.add(new SentResult(url, result, answer.status()));
        } catch (RuntimeException e) {
            LOG.warn("Operator-platform simulator: sending the result of {} failed: {}", result.instructionId(), e.toString());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        later.shutdownNow();
    }
}
