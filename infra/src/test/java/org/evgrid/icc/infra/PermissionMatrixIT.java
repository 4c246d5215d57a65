package org.evgrid.icc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.archive.PileId;
import org.evgrid.icc.coreapi.archive.PileType;
import org.evgrid.icc.coreapi.archive.RegisterPileCommand;
import org.evgrid.icc.coreapi.archive.StationId;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.infra.support.CenterClient;
import org.evgrid.icc.infra.support.CenterClient.Answer;
import org.evgrid.icc.infra.support.TestWorld;
import org.evgrid.icc.infra.support.TestWorld.Party;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The permission matrix (R-8.2a, MLPS level 3): every endpoint of the published OpenAPI document, called as every role
 * (a console user per role, signed requests for the machine roles) and anonymously, against the expected matrix below.
 * A new endpoint without an expectation fails; an allow where the matrix says deny fails; a refusal where it says allow
 * fails. "Allowed" means the request passed security: 2xx, or 400/404/409/422 from the business layer; "denied" is
 * 401/403. A 503 (no query handler registered, or a timeout) got past security but found no answer: it is shown as "U"
 * in the printed matrix and fails, like any other status (500 included), as an error.
 */
@SpringBootTest(classes = IccApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermissionMatrixIT {

    private static final Logger LOG = LoggerFactory.getLogger(PermissionMatrixIT.class);
    private static final Path DATA = tempDir();
    private static final String PASSWORD = "Matrix-Test-2026!";
    private static final String OPERATOR = "OP-MX-A";
    private static final String STATION = "ST-MX-A1";
    private static final String PILE = "P-MX-1";
    private static final String COMMANDS = "POST /api/v1/commands";

    private static final Set<Role> ARCHIVE_READERS = EnumSet.complementOf(EnumSet.copyOf(Role.administrativeRoles()));
    private static final Set<Role> TELEMETRY_READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK, Role.REGULATOR,
            Role.AUDITOR, Role.ARCHIVE_MANAGER, Role.OPERATOR_PLATFORM, Role.CENTER_SERVICE);
    private static final Set<Role> BATCH_READERS = EnumSet.of(Role.OPERATOR_PLATFORM, Role.ARCHIVE_MANAGER, Role.DISPATCHER,
            Role.REGULATOR, Role.AUDITOR, Role.TRADER);
    private static final Set<Role> DECLARATION_READERS = EnumSet.of(Role.OPERATOR_PLATFORM, Role.TRADER, Role.DISPATCHER,
            Role.SETTLEMENT_CLERK, Role.REGULATOR, Role.AUDITOR);
    private static final Set<Role> FORECAST_READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK, Role.REGULATOR,
            Role.AUDITOR, Role.CENTER_SERVICE);
    private static final Set<Role> LEDGER_READERS = EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN, Role.REGULATOR);
    private static final Set<Role> EXPORT_READERS = EnumSet.of(Role.AUDITOR, Role.REGULATOR);
    private static final Set<Role> DIAGNOSIS_RUNNERS = EnumSet.of(Role.SECURITY_OPERATOR, Role.AUDITOR);
    private static final Set<Role> KEY_READERS = EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN, Role.AUDITOR);
    private static final Set<Role> MARKET_READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK, Role.AUDITOR,
            Role.REGULATOR, Role.CENTER_SERVICE);
    private static final Set<Role> DR_READERS = EnumSet.copyOf(MARKET_READERS);
    private static final Set<Role> DISPATCH_READERS = with(MARKET_READERS, Role.OPERATOR_PLATFORM);
    private static final Set<Role> ALARM_READERS = EnumSet.of(Role.TRADER, Role.DISPATCHER, Role.SETTLEMENT_CLERK, Role.AUDITOR,
            Role.REGULATOR, Role.SECURITY_OPERATOR);

    /**
     * The expected matrix, endpoint prefix → roles that get through (first match wins; anonymous is always denied). Sources:
     * ui-api SecurityConfig (path rules) and the query side's access checks (ArchiveAccess, TelemetryQueries.READERS,
     * ForecastAccess, DeclarationAccess: administrators read no business data, an operator platform sees its own operator
     * only and neither aggregation units nor cross-operator totals). Market, demand response, dispatch and alarms: one
     * SecurityConfig block each; an operator platform reads dispatch only (its own operator's part, cut by the handlers).
     */
    private static final List<Rule> EXPECTED = List.of(
            rule("GET /api/v1/me", EnumSet.allOf(Role.class), "any signed-in caller: who am I"),
            rule("POST /api/v1/backups", EnumSet.of(Role.SECURITY_OPERATOR), "SecurityConfig: backups (called with GET: the list)"),
            rule("GET /api/v1/backups", EnumSet.of(Role.SECURITY_OPERATOR), "SecurityConfig: backups and their digest check"),
            rule("POST /api/v1/me/", EnumSet.allOf(Role.class),
                    "SecurityConfig: my password and authenticator, any signed-in caller (called with GET: 405 past security)"),
            rule("GET /api/v1/sessions/current", EnumSet.allOf(Role.class),
                    "SecurityConfig: any signed-in caller; 404 when the request does not run in a session"),
            rule("DELETE /api/v1/sessions/current", EnumSet.allOf(Role.class), "SecurityConfig: sign-out (called with GET: the session)"),
            rule("POST /api/v1/sessions", EnumSet.allOf(Role.class),
                    "SecurityConfig: sign-in challenge (open) and sessions (console users; called with GET: 405 past security)"),
            rule("GET /api/v1/security/logins", EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN), "SecurityConfig: the login log"),
            rule("POST /api/v1/audit/diagnosis/", DIAGNOSIS_RUNNERS, "SecurityConfig: self-diagnosis (called with GET: last report)"),
            rule("GET /api/v1/audit/diagnosis/", DIAGNOSIS_RUNNERS, "SecurityConfig: self-diagnosis reports"),
            rule("GET /api/v1/audit/", EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN), "SecurityConfig: auditor replay"),
            rule("POST /api/v1/diagnosis/debug", DIAGNOSIS_RUNNERS, "SecurityConfig: debug switch (called with GET: its state; "
                    + "POST: security operator only, DiagnosisIT)"),
            rule("GET /api/v1/diagnosis", DIAGNOSIS_RUNNERS, "SecurityConfig: self-diagnosis, ledger verifications, debug state"),
            rule("GET /api/v1/audit-log", EnumSet.of(Role.AUDITOR, Role.AUDIT_ADMIN), "SecurityConfig: audit log of business operations"),
            rule("GET /api/v1/ledger/export", EXPORT_READERS, "SecurityConfig: auditor export"),
            rule("GET /api/v1/ledger/", LEDGER_READERS, "SecurityConfig: AUDIT_READERS (audit admin reads the audit trail)"),
            rule("GET /api/v1/keys/", KEY_READERS, "SecurityConfig: KEY_READERS"),
            rule("GET /api/v1/telemetry/batches/", BATCH_READERS, "SecurityConfig: TELEMETRY_BATCH_READERS"),
            rule("GET /api/v1/telemetry/", TELEMETRY_READERS, "SecurityConfig + TelemetryQueries.READERS"),
            rule("GET /api/v1/declarations/totals", without(DECLARATION_READERS, Role.OPERATOR_PLATFORM),
                    "DeclarationAccess.requireCenter: totals span operators"),
            rule("GET /api/v1/declarations", DECLARATION_READERS, "SecurityConfig ∩ DeclarationAccess.READERS"),
            rule("GET /api/v1/forecasts", FORECAST_READERS, "SecurityConfig + ForecastAccess (no operator-bound viewer)"),
            rule("GET /api/v1/market/bid-basis", without(MARKET_READERS, Role.SETTLEMENT_CLERK),
                    "SecurityConfig: BID_BASIS_READERS (trading desk and oversight)"),
            rule("GET /api/v1/market/", MARKET_READERS, "SecurityConfig: MARKET_READERS"),
            rule("GET /api/v1/dr/", DR_READERS, "SecurityConfig: DR_READERS"),
            rule("GET /api/v1/dispatch/", DISPATCH_READERS, "SecurityConfig: DISPATCH_READERS (operator platform: its own operator)"),
            rule("GET /api/v1/alarms", ALARM_READERS, "SecurityConfig: ALARM_READERS; AlarmQueries: security operator sees system alarms only"),
            rule("GET /api/v1/units", without(ARCHIVE_READERS, Role.OPERATOR_PLATFORM), "ArchiveAccess: units are not an operator's"),
            rule("GET /api/v1/piles", ARCHIVE_READERS, "ArchiveAccess: business roles (operator: its own)"),
            rule("GET /api/v1/operators", ARCHIVE_READERS, "ArchiveAccess: business roles (operator: its own)"),
            rule("GET /api/v1/stations/", ARCHIVE_READERS, "ArchiveAccess: business roles (operator: its own)"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("icc.data-dir", DATA::toString);
        registry.add("icc.demo.enabled", () -> "false");
        // the live streams this test opens stay open on the server until it next writes; don't wait for them on shutdown
        registry.add("server.shutdown", () -> "immediate");
    }

    @LocalServerPort
    int port;

    private CenterClient client;

    /** An expectation: endpoint ("METHOD /path" prefix) → roles allowed. */
    private record Rule(String prefix, Set<Role> allowed, String source) {
    }

    /** Who calls: a console user (HTTP Basic), a signed key, or nobody. */
    private record Caller(String label, Role role, String user, String keyId, PrivateKey key) {
    }

    /** One cell: status and problem code. */
    private record Cell(int status, String code) {
        boolean denied() {
            return status == 401 || status == 403;
        }

        boolean passedSecurity() {
            // 405: a POST-only endpoint called with GET got past security
            return status >= 200 && status < 300 || status == 400 || status == 404 || status == 405 || status == 409 || status == 422;
        }

        boolean unavailable() {
            return status == 503;
        }
    }

    private static Rule rule(String prefix, Set<Role> allowed, String source) {
        return new Rule(prefix, Set.copyOf(allowed), source);
    }

    private static Set<Role> without(Set<Role> roles, Role role) {
        Set<Role> s = EnumSet.copyOf(roles);
        s.remove(role);
        return s;
    }

    private static Set<Role> with(Set<Role> roles, Role role) {
        Set<Role> s = EnumSet.copyOf(roles);
        s.add(role);
        return s;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("icc-matrix-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEndpointAnswersEveryRoleExactlyAsTheMatrixSays() throws IOException {
        client = new CenterClient("http://localhost:" + port);
        List<Caller> callers = setUpCallers();

        Answer docs = client.get("/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        Map<String, JsonNode> endpoints = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.body().path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                endpoints.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }
        assertThat(endpoints).as("the OpenAPI document lists the API").containsKey(COMMANDS).hasSizeGreaterThan(20);

        // (1) every endpoint has an expectation
        List<String> uncovered = new ArrayList<>();
        for (String endpoint : endpoints.keySet()) {
            if (!endpoint.equals(COMMANDS) && ruleOf(endpoint) == null) {
                uncovered.add(endpoint);
            }
        }
        assertThat(uncovered).as("endpoints without an expectation in the permission matrix").isEmpty();

        // the command endpoint: open at HTTP level, the role is checked on the signature per command type
        for (String type : CommandTypes.all().keySet()) {
            JsonNode entry = docs.body().path("x-icc-commands").path(type);
            assertThat(entry.path("signedBy").isArray() && !entry.path("signedBy").isEmpty())
                    .as("x-icc-commands lists who may sign %s", type).isTrue();
        }

        // (2) and (3): every endpoint × every caller
        Map<String, Map<String, String>> matrix = new LinkedHashMap<>();
        List<String> unexpectedAllows = new ArrayList<>();
        List<String> unexpectedDenials = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> endpoint : endpoints.entrySet()) {
            if (endpoint.getKey().equals(COMMANDS)) {
                continue;
            }
            Rule rule = ruleOf(endpoint.getKey());
            String pathAndQuery = concrete(endpoint.getKey().substring(endpoint.getKey().indexOf(' ') + 1), endpoint.getValue());
            Map<String, String> row = new LinkedHashMap<>();
            for (Caller caller : callers) {
                Cell cell = call(pathAndQuery, caller);
                calls++;
                boolean expectAllow = caller.role() != null && rule.allowed().contains(caller.role());
                String what = endpoint.getKey() + " as " + caller.label() + " → " + cell.status() + " " + cell.code()
                        + " [" + pathAndQuery + "]";
                if (cell.denied()) {
                    row.put(caller.label(), "D" + cell.status() + (expectAllow ? "!" : ""));
                    if (expectAllow) {
                        unexpectedDenials.add(what);
                    }
                } else if (cell.passedSecurity() || cell.unavailable()) {
                    row.put(caller.label(), (cell.unavailable() ? "U" : "A") + cell.status() + (expectAllow ? "" : "!"));
                    if (!expectAllow) {
                        unexpectedAllows.add(what);
                    }
                    if (cell.unavailable()) {
                        unavailable.add(what);
                    }
                } else {
                    row.put(caller.label(), "E" + cell.status());
                    errors.add(what);
                }
            }
            matrix.put(endpoint.getKey(), row);
        }
        StringBuilder printed = new StringBuilder("Permission matrix (A = allowed, D = denied, U = past security but unavailable, with the HTTP status; "
                + "! = unexpected, E = error; ")
                .append(matrix.size()).append(" GET endpoints × ").append(callers.size()).append(" callers = ").append(calls)
                .append(" calls; ").append(COMMANDS).append(": signed, any caller may post; role per command in x-icc-commands, ")
                .append(CommandTypes.all().size()).append(" command types)\n");
        printed.append(String.format("%-58s", "endpoint"));
        callers.forEach(c -> printed.append(String.format(" %-6s", abbreviation(c))));
        printed.append('\n');
        matrix.forEach((endpoint, row) -> {
            printed.append(String.format("%-58s", endpoint));
            row.values().forEach(v -> printed.append(String.format(" %-6s", v)));
            printed.append('\n');
        });
        callers.forEach(c -> printed.append("  ").append(abbreviation(c)).append(" = ").append(c.label()).append('\n'));
        LOG.info("{}", printed);
        if (!unavailable.isEmpty()) {
            LOG.error("{} calls got past security but found no answer (503), e.g. {}", unavailable.size(), unavailable.get(0));
        }

        assertThat(errors).as("calls that neither passed nor were refused by security").isEmpty();
        assertThat(unavailable).as("calls that got past security but found no query handler or timed out (503)").isEmpty();
        assertThat(unexpectedAllows).as("UNEXPECTED ALLOWS (security defects)").isEmpty();
        assertThat(unexpectedDenials).as("allowed roles refused").isEmpty();
        assertThat(calls).isGreaterThanOrEqualTo(20 * callers.size());
    }

    private static String abbreviation(Caller c) {
        if (c.role() == null) {
            return "anon";
        }
        StringBuilder b = new StringBuilder();
        for (String part : c.role().name().split("_")) {
            b.append(part.charAt(0));
        }
        return (c.keyId() != null ? "k:" : "") + b;
    }

    private static Rule ruleOf(String endpoint) {
        for (Rule r : EXPECTED) {
            String p = r.prefix();
            if (endpoint.equals(p) || endpoint.startsWith(p.endsWith("/") ? p : p + "/")) {
                return r;
            }
        }
        return null;
    }

    /** Creates the world (one operator with a station and a pile) and one caller per role, plus signed keys and anonymous. */
    private List<Caller> setUpCallers() throws IOException {
        TestWorld world = new TestWorld(client, DATA);
        Party archivist = world.keyWithRole("key-mx-archivist", Role.ARCHIVE_MANAGER, SignatureAlgorithm.SM2_SM3);
        Party platform = world.operator(archivist, OPERATOR, TestWorld.creditCode("91320100MA1JTMX01"));
        world.station(platform, OPERATOR, STATION);
        Answer pile = client.send(new RegisterPileCommand(new OperatorId(OPERATOR), new PileId(PILE), new StationId(STATION), PileType.DC,
                new BigDecimal("60.000"), new BigDecimal("10.000"), BigDecimal.ZERO, 2), platform.keyId(), platform.key());
        assertThat(pile.status()).as("%s", pile.body()).isEqualTo(200);

        // a low bcrypt cost keeps ~500 password checks fast; the center accepts any bcrypt hash
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            String user = "mx-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
            OperatorId operator = role == Role.OPERATOR_PLATFORM ? new OperatorId(OPERATOR) : null;
            Answer a = client.send(new RegisterUserCommand(new UserId(user), "矩阵测试 " + role, Set.of(role), DataScope.HEADQUARTERS, operator,
                    hash), world.admin().keyId(), world.admin().key());
            assertThat(a.status()).as("register user %s: %s", user, a.body()).isEqualTo(200);
            callers.add(new Caller("user " + user, role, user, null, null));
        }
        Party gateway = world.keyWithRole("key-mx-gateway", Role.EXCHANGE_GATEWAY, SignatureAlgorithm.ECDSA_P256);
        Party service = world.keyWithRole("key-mx-service", Role.CENTER_SERVICE, SignatureAlgorithm.SM2_SM3);
        callers.add(new Caller("key " + platform.keyId(), Role.OPERATOR_PLATFORM, null, platform.keyId(), platform.key()));
        callers.add(new Caller("key " + gateway.keyId(), Role.EXCHANGE_GATEWAY, null, gateway.keyId(), gateway.key()));
        callers.add(new Caller("key " + service.keyId(), Role.CENTER_SERVICE, null, service.keyId(), service.key()));
        callers.add(new Caller("anonymous", null, null, null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client.signedGet("/api/v1/piles/" + PILE, platform.keyId(), platform.key()).status()).isEqualTo(200));
        return callers;
    }

    /** Fills path variables and required query parameters with plausible values (the test world's ids where it matters). */
    private static String concrete(String template, JsonNode operation) {
        String path = template;
        List<String> query = new ArrayList<>();
        boolean dimensioned = false;
        for (JsonNode p : operation.path("parameters")) {
            String name = p.path("name").asText();
            if (("by".equals(name) || "dim".equals(name)) && p.path("required").asBoolean()) {
                dimensioned = true;
            }
        }
        for (JsonNode p : operation.path("parameters")) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            // optional parameters stay out, except the operator of a declaration listing (so that the query's own access check runs)
            if ("query".equals(in) && !p.path("required").asBoolean() && !"operator".equals(name)) {
                continue;
            }
            String value = value(template, name, p.path("schema"), dimensioned);
            if ("path".equals(in)) {
                path = path.replace("{" + name + "}", value);
            } else if ("query".equals(in)) {
                query.add(name + "=" + value);
            }
        }
        assertThat(path).as("every path variable of %s filled", template).doesNotContain("{");
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static String value(String template, String name, JsonNode schema, boolean dimensioned) {
        boolean forecast = template.startsWith("/api/v1/forecasts");
        switch (name) {
            case "pileId":
                return PILE;
            case "operatorId":
            case "operator":
                return OPERATOR;
            case "stationId":
                return STATION;
            case "declarationId":
                return OPERATOR + "~DAY_AHEAD~" + LocalDate.now() + "~AU-MX-1";
            case "keyId":
                return "key-" + OPERATOR;
            case "by":
            case "dim":
                if (schema.path("enum").isArray()) {
                    return forecast ? "DISPATCH_AREA" : "OPERATOR";
                }
                break;
            case "key":
                if (forecast) {
                    return "DA-JS-NJ";
                }
                return dimensioned ? OPERATOR : PILE;
            case "product":
                return "DAY_AHEAD";
            case "unitId":
                return "AU-MX-1";
            case "bidId":
                return "BID-DAY_AHEAD-" + LocalDate.now().toString().replace("-", "") + "-AU-MX-1";
            case "eventId":
                return "DRE-MX-1";
            case "planId":
                return "DP-MX-DUMMY-1";
            case "deviationId":
                return "DP-MX-DUMMY-1~Q37";
            default:
                break;
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asText();
        }
        String format = schema.path("format").asText("");
        String type = schema.path("type").asText("");
        if ("date".equals(format)) {
            return LocalDate.now().toString();
        }
        if ("date-time".equals(format)) {
            return LocalDate.now().atStartOfDay().toString() + "Z";
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        return "MX-DUMMY-1";
    }

    /** One call; a stream's answer is judged by its status and then closed. */
    private Cell call(String pathAndQuery, Caller caller) {
        HttpRequest.Builder b;
        if (caller.keyId() != null) {
            b = client.signedGetRequest(pathAndQuery, caller.keyId(), caller.key());
        } else {
            b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET();
            if (caller.user() != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((caller.user() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
        }
        try {
            HttpResponse<InputStream> r = client.http().send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
            String code = null;
            try (InputStream in = r.body()) {
                boolean stream = r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                if (!stream && r.statusCode() >= 300) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int at = text.indexOf("\"code\":\"");
                    code = at < 0 ? null : text.substring(at + 8, text.indexOf('"', at + 8));
                } else if (!stream) {
                    in.readAllBytes();
                }
            }
            return new Cell(r.statusCode(), code);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + pathAndQuery + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
