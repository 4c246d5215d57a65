package org.evgrid.icc.infra.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.dispatch.DispatchInstructionIssuedEvent;
import org.evgrid.icc.coreapi.dispatch.InstructionId;
import org.evgrid.icc.coreapi.dispatch.InstructionResponse;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionDeliveryFailureCommand;
import org.evgrid.icc.coreapi.dispatch.RecordInstructionResponseCommand;
import org.evgrid.icc.coreapi.market.BidId;
import org.evgrid.icc.coreapi.market.RecordBidDeliveryCommand;
import org.evgrid.icc.coreapi.security.CenterCommands;
import org.evgrid.icc.infra.gateway.internal.HttpDelivery;
import org.evgrid.icc.infra.gateway.internal.InstructionMessage;
import org.evgrid.icc.infra.gateway.internal.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox's due items by HTTP POST (header {@code Idempotency-Key} = the item id) and records the outcome at
 * the center with the center's key ({@link CenterCommands}):
 * <ul>
 *   <li>bid: 2xx → {@code RecordBidDeliveryCommand(delivered)}; failure → {@code RecordBidDeliveryCommand(not delivered)};</li>
 *   <li>instruction: 2xx with {@code {"result":"ACCEPTED|REJECTED|NOT_SUPPORTED|UNKNOWN_SESSION","message":…}} →
 *       {@code RecordInstructionResponseCommand}; failure (or an unreadable answer) → {@code RecordInstructionDeliveryFailureCommand};</li>
 *   <li>demand response report: 2xx marks it delivered; failures are retried like the others.</li>
 * </ul>
 * A failure (no connection, no answer within the timeout, non-2xx) is retried after {@link GatewayProperties#backoff}; the
 * {@code max-attempts}-th failure is final ({@code finalAttempt=true}) and the item FAILED. A delivered item whose
 * record could not reach the center (not a refusal) is recorded again after the same back-off without sending again
 * (at most {@code max-attempts} tries; a refusal is logged and not repeated).
 * {@link #poll} runs on Spring's scheduler with a fixed delay; each item is taken with a short lease before it is sent,
 * so several nodes polling the same outbox do not send it twice at the same time.
 */
public class OutboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);
    /** How long an item stays taken beyond the HTTP timeout (another node, or this one after a crash, then tries it). */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /** Where items go. */
    public record Targets(Supplier<String> exchangeUrl, Supplier<String> operatorPlatformUrl, Supplier<String> publicBaseUrl) {
    }

    private final OutboxStore outbox;
    private final InstructionMessage instructions;
    private final Clock clock;
    private final CenterCommands center;
    private final GatewayProperties props;
    private final Targets targets;
    private final HttpDelivery http;

    public OutboxPoller(MongoDatabase database, Clock clock, CenterCommands center, GatewayProperties props, Targets targets) {
        this(database, clock, center, props, targets, null);
    }

    /** A poller whose deliveries carry the center's signature over each body ({@code signer}; null: unsigned). */
    public OutboxPoller(MongoDatabase database, Clock clock, CenterCommands center, GatewayProperties props, Targets targets,
                        HttpDelivery.BodySigner signer) {
        this.outbox = new OutboxStore(database);
        this.instructions = new InstructionMessage(database);
        this.clock = clock;
        this.center = center;
        this.props = props;
        this.targets = targets;
        this.http = new HttpDelivery(props.timeout(), signer);
    }

    /** The scheduled run (every {@code icc.gateway.poll-interval}). */
    @Scheduled(fixedDelayString = "${icc.gateway.poll-interval:PT1S}", initialDelayString = "${icc.gateway.poll-interval:PT1S}")
    public void poll() {
        if (!props.enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Exchange gateway: the outbox run failed, trying again: {}", e.toString());
        }
    }

    /** Removes old finished items and works on every due item once; answers how many items were worked on. */
    public int runOnce() {
        Instant now = clock.instant();
        outbox.removeFinishedBefore(now.minus(props.retention()));
        int n = 0;
        for (OutboxStore.Item item : outbox.due(now)) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (!outbox.claim(item, clock.instant().plus(props.timeout()).plus(LEASE_MARGIN))) {
                continue;
            }
            if (item.status() == OutboxStore.Status.RECORDING) {
                record(item, item.attempt());
            } else {
                attempt(item);
            }
            n++;
        }
        return n;
    }

    private void attempt(OutboxStore.Item item) {
        int attempt = item.attempt() + 1;
        HttpDelivery.Outcome outcome;
        try {
            String url = url(item);
            byte[] body = body(item);
            outcome = http.post(url, item.id(), body);
        } catch (RuntimeException e) {
            outcome = new HttpDelivery.Outcome(0, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (!outcome.ok()) {
            failed(item, attempt, outcome.reason());
            return;
        }
        switch (item.kind()) {
            case BID -> {
                outbox.recording(item.id(), attempt, null, "HTTP " + outcome.status());
                record(new OutboxStore.Item(item.id(), item.kind(), item.ref(), item.operatorId(), item.payload(),
                        OutboxStore.Status.RECORDING, attempt, null, "HTTP " + outcome.status(), 0, null), attempt);
            }
            case INSTRUCTION -> {
                JsonNode answer = readAnswer(outcome.body());
                InstructionResponse response = responseOf(answer);
                if (response == null) {
                    failed(item, attempt, "unreadable answer: "
                            + new HttpDelivery.Outcome(outcome.status(), outcome.body(), null).reason());
                    return;
                }
                String message = answer.hasNonNull("message") ? answer.get("message").asText() : null;
                outbox.recording(item.id(), attempt, response.name(), message);
                record(new OutboxStore.Item(item.id(), item.kind(), item.ref(), item.operatorId(), item.payload(),
                        OutboxStore.Status.RECORDING, attempt, response.name(), message, 0, null), attempt);
            }
            default -> outbox.delivered(item.id(), attempt, clock.instant());
        }
    }

    private void record(OutboxStore.Item item, int attempt) {
        Object command = switch (item.kind()) {
            case BID -> new RecordBidDeliveryCommand(new BidId(item.ref()), item.id(), attempt, true, false, item.message());
            case INSTRUCTION -> new RecordInstructionResponseCommand(new InstructionId(item.ref()),
                    InstructionResponse.valueOf(item.response()),
                    item.message());
            default -> null;
        };
        if (command != null) {
            try {
                center.send(command);
            } catch (IccException refused) {
                LOG.warn("Exchange gateway: the center refused to record the delivery of {} ({}: {})", item.id(), refused.code(),
                        refused.getMessage());
            } catch (RuntimeException e) {
                int tries = item.recordTries() + 1;
                if (tries < props.maxAttempts()) {
                    Duration wait = props.backoff(tries);
                    LOG.warn("Exchange gateway: recording the delivery of {} failed, trying again in {}: {}", item.id(), wait,
                            e.toString());
                    outbox.recordFailed(item.id(), tries, e.toString(), clock.instant().plus(wait));
                    return;
                }
                LOG.error("Exchange gateway: {} was delivered, but the center could not record it after {} tries: {}", item.id(), tries,
                        e.toString());
            }
        }
        outbox.delivered(item.id(), attempt, clock.instant());
    }

    private void failed(OutboxStore.Item item, int attempt, String reason) {
        boolean last = attempt >= props.maxAttempts();
        Instant now = clock.instant();
        outbox.failed(item.id(), attempt, reason, now, last ? null : now.plus(props.backoff(attempt)));
        Object command = switch (item.kind()) {
            case BID -> new RecordBidDeliveryCommand(new BidId(item.ref()), item.id(), attempt, false, last, reason);
            case INSTRUCTION -> new RecordInstructionDeliveryFailureCommand(new InstructionId(item.ref()), attempt, last, reason);
            default -> null;
        };
        if (last) {
            LOG.warn("Exchange gateway: gave up {} after {} attempts: {}", item.id(), attempt, reason);
        } else {
            LOG.info("Exchange gateway: attempt {} of {} failed, next in {}: {}", attempt, item.id(), props.backoff(attempt), reason);
        }
        if (command != null) {
            try {
                center.send(command);
            } catch (RuntimeException e) {
                LOG.warn("Exchange gateway: recording the failed attempt {} of {} failed: {}", attempt, item.id(), e.toString());
            }
        }
    }

    private String url(OutboxStore.Item item) {
        return switch (item.kind()) {
            case BID -> required(targets.exchangeUrl().get(), "icc.gateway.exchange-url") + "/bids";
            case DR_REPORT -> required(targets.exchangeUrl().get(), "icc.gateway.exchange-url") + "/dr/performance";
            case INSTRUCTION -> required(targets.operatorPlatformUrl().get(), "icc.gateway.operator-platform-url")
                    .replace("{operatorId}", item.operatorId());
            default -> throw new IllegalStateException("unknown outbox item kind " + item.kind());
        };
    }

    private static String required(String url, String property) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no address configured (" + property + ")");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private byte[] body(OutboxStore.Item item) {
        if (item.kind() != OutboxStore.Kind.INSTRUCTION) {
            return item.payload().getBytes(StandardCharsets.UTF_8);
        }
        DispatchInstructionIssuedEvent e;
        try {
            e = outbox.mapper().readValue(item.payload(), DispatchInstructionIssuedEvent.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable outbox item " + item.id(), ex);
        }
        return instructions.body(e, required(targets.publicBaseUrl().get(), "icc.gateway.public-base-url") + "/api/v1/commands");
    }

    private JsonNode readAnswer(String body) {
        try {
            return body == null || body.isBlank() ? null : outbox.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static InstructionResponse responseOf(JsonNode answer) {
        if (answer == null || !answer.hasNonNull("result")) {
            return null;
        }
        try {
            return InstructionResponse.valueOf(answer.get("result").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
