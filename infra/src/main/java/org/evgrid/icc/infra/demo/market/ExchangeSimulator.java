package org.evgrid.icc.infra.demo.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.evgrid.icc.infra.demo.market.internal.CenterSignatureCheck;
import org.evgrid.icc.infra.demo.market.internal.ExchangeBook;
import org.evgrid.icc.ledger.json.IccJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated exchange's HTTP side (JDK server on loopback): {@code POST /bids} takes a bid into the
 * {@link ExchangeBook} and answers 202 at once (a repeated request id too); {@code POST /dr/performance} takes a
 * demand response performance report and answers 202. Anything unreadable is answered 400. Once
 * {@link #requireCenterSignature} is set, a request without the center's valid signature over its idempotency key and
 * body is answered 401 with a problem body ({@link CenterSignatureCheck}) and taken nowhere.
 */
public final class ExchangeSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimulator.class);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "icc-sim-exchange-http");
        t.setDaemon(true);
        return t;
    });
    private final ExchangeBook book;
    private final ObjectMapper mapper = IccJson.newMapper();
    private final List<JsonNode> drReports = new CopyOnWriteArrayList<>();
    private volatile CenterSignatureCheck signatureCheck;

    /** Starts listening on the loopback port (0 = any free port). */
    public ExchangeSimulator(int port, ExchangeBook book) throws IOException {
        this.book = book;
        this.server = HttpServer.create(new InetSocketAddress(SimProperties.loopback(), port), 16);
        server.createContext("/bids", this::bid);
        server.createContext("/dr/performance", this::drReport);
        server.setExecutor(threads);
        server.start();
    }

    /** The exchange's base URL (what {@code icc.gateway.exchange-url} would be). */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The order book. */
    public ExchangeBook book() {
        return book;
    }

    /** From now on, only requests the center signed are taken (null: any). */
    public void requireCenterSignature(CenterSignatureCheck check) {
        this.signatureCheck = check;
    }

    /** The demand response performance reports received, in order. */
    public List<JsonNode> drReports() {
        return List.copyOf(drReports);
    }

    private void bid(HttpExchange x) throws IOException {
        try (x) {
            JsonNode bid = read(x);
            if (bid == null) {
                return;
            }
            try {
                boolean fresh = book.receive(bid);
                answer(x, 202, "{\"status\":\"RECEIVED\",\"requestId\":" + mapper.writeValueAsString(bid.get("requestId").asText())
                        + ",\"repeat\":" + !fresh + "}");
            } catch (IllegalArgumentException e) {
                answer(x, 400, "{\"error\":" + mapper.writeValueAsString(e.getMessage()) + "}");
            }
        } catch (RuntimeException e) {
            LOG.warn("Exchange simulator: a bid could not be taken: {}", e.toString());
        }
    }

    private void drReport(HttpExchange x) throws IOException {
        try (x) {
            JsonNode report = read(x);
            if (report != null) {
                drReports.add(report);
                answer(x, 202, "{\"status\":\"RECEIVED\"}");
            }
        }
    }

    private JsonNode read(HttpExchange x) throws IOException {
        if (!"POST".equals(x.getRequestMethod())) {
            answer(x, 405, "{\"error\":\"POST only\"}");
            return null;
        }
        byte[] bytes;
        try (InputStream in = x.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        CenterSignatureCheck check = signatureCheck;
        if (check != null && check.refused(x, bytes)) {
            LOG.warn("Exchange simulator: refused a request to {} without the center's valid signature", x.getRequestURI().getPath());
            return null;
        }
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                answer(x, 400, "{\"error\":\"a JSON object is expected\"}");
                return null;
            }
            return node;
        } catch (IOException e) {
            answer(x, 400, "{\"error\":\"unreadable JSON\"}");
            return null;
        }
    }

    static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
