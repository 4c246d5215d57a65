package org.evgrid.icc.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.evgrid.icc.coreapi.ledger.LedgerExportRequest;
import org.evgrid.icc.coreapi.ledger.LedgerExporter;
import org.evgrid.icc.coreapi.ledger.LedgerVerificationView;
import org.evgrid.icc.coreapi.ledger.VerifyLedgerQuery;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ledger.cli.IccCli;
import org.evgrid.icc.ledger.export.ExportVerifier;
import org.evgrid.icc.ledger.json.Jcs;
import org.evgrid.icc.ledger.merkle.TreeHead;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.Envelopes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The auditor export over a real MongoDB connection, checked by the offline verifier (and the CLI): an untouched
 * export verifies; tampering with the export file or with the stores is caught at the first altered line, and the
 * server's self-check catches the store tampering too.
 */
class LedgerExportIT {

    private static final int EVENTS = 47;
    private static final Instant BASE = Instant.parse("2026-02-01T00:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private final LedgerFixture fx = new LedgerFixture(10, new JcsTestCanonicalizer());
    private final Map<String, KeyPair> keys = new LinkedHashMap<>();
    private final List<EventMessage<?>> events = new ArrayList<>();

    @BeforeEach
    void chainSignedEvents() {
        keys.put("op1-sm2", Crypto.generateKeyPair(SignatureAlgorithm.SM2_SM3));
        keys.put("op2-ed", Crypto.generateKeyPair(SignatureAlgorithm.ED25519));
        keys.put("grid-ec", Crypto.generateKeyPair(SignatureAlgorithm.ECDSA_P256));
        for (int n = 0; n < EVENTS; n++) {
            events.add(signedEvent(n));
        }
        fx.publishEvents(events);
        fx.deliverAll(7);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** Event n: every fifth unsigned, the others signed in turn by the three keys, their envelope stored as the interceptor does. */
    private EventMessage<?> signedEvent(int n) {
        Instant time = BASE.plusSeconds(n * 60L);
        Object payload = n % 3 == 2 ? new TestPayloads.EnergyReported("PILE-" + (n % 4), time, new BigDecimal(n + ".25"))
                : new TestPayloads.PileRegistered("PILE-" + (n % 4), "OP-" + (n % 2), new BigDecimal("7." + n));
        MetaData metaData = MetaData.emptyInstance();
        if (n % 5 != 4) {
            String keyId = new ArrayList<>(keys.keySet()).get(n % 3);
            KeyPair pair = keys.get(keyId);
            SignatureAlgorithm algorithm = Crypto.algorithmOf(pair.getPublic());
            ObjectNode envelope = MAPPER.createObjectNode().put("commandType", "Test" + payload.getClass().getSimpleName());
            envelope.set("payload", readJson(fx.canonicalizer.canonicalBytes(payload)));
            envelope.put("keyId", keyId).put("algorithm", algorithm.name()).put("timestamp", time.toString())
                    .put("nonce", "nonce-nonce-nonce-" + n);
            byte[] signed = Jcs.canonicalize(envelope);
            byte[] signature = Crypto.sign(algorithm, pair.getPrivate(), signed);
            String digest = Envelopes.digest(signed, signature);
            fx.collection("command_envelopes").insertOne(new Document("_id", digest)
                    .append("envelope", new String(signed, StandardCharsets.UTF_8))
                    .append("signature", Base64.getEncoder().encodeToString(signature)).append("keyId", keyId)
                    .append("algorithm", algorithm.name()));
            metaData = MetaData.with(SignatureMetadata.ENVELOPE_DIGEST, digest).and(SignatureMetadata.SIGNER, "owner-" + keyId)
                    .and(SignatureMetadata.KEY_ID, keyId);
        }
        if (n % 3 == 2) {
            return new GenericEventMessage<>("evt-" + n, payload, metaData, time);
        }
        return new GenericDomainEventMessage<>("Pile", "PILE-" + (n % 4), n / 4, payload, metaData, "evt-" + n, time);
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private LedgerExporter exporter(LedgerEventSource source) {
        return new LedgerExportWriter(fx.database, fx.canonicalizer, fx.signer, Clock.fixed(BASE.plusSeconds(86_400), ZoneOffset.UTC),
                source);
    }

    private String export(LedgerExportRequest request) {
        return export(request, new StreamableLedgerEventSource(fx.eventStore));
    }

    private String export(LedgerExportRequest request, LedgerEventSource source) {
        LedgerExporter.Prepared prepared = exporter(source).prepare(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            prepared.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static LedgerExportRequest all() {
        return new LedgerExportRequest(null, null, null, null, null, null);
    }

    private Map<String, PublicKey> publicKeys() {
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        keys.forEach((id, pair) -> publicKeys.put(id, pair.getPublic()));
        return publicKeys;
    }

    private static TreeHead headOf(String export) {
        return TreeHead.fromJson(readJson(export.lines().findFirst().orElseThrow().getBytes(StandardCharsets.UTF_8)).get("treeHead"));
    }

    private ExportVerifier.Verdict verify(String export, TreeHead trusted) {
        try {
            return new ExportVerifier(fx.signer.publicKey(), publicKeys()).verify(new BufferedReader(new StringReader(export)), trusted);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String export) {
        return new ArrayList<>(export.lines().toList());
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static void assertFails(ExportVerifier.Verdict verdict, long line, String fragment) {
        assertThat(verdict.ok()).as(verdict.text()).isFalse();
        assertThat(verdict.line()).as(verdict.text()).isEqualTo(line);
        assertThat(verdict.en()).contains(fragment);
        assertThat(verdict.text()).startsWith("核验失败（第 " + line + " 行）");
    }

    private static void assertBroken(LedgerVerificationView view, long seq, String fragment) {
        assertThat(view.intact()).as(view.reason()).isFalse();
        assertThat(view.firstBrokenSeq()).as(view.reason()).isEqualTo(seq);
        assertThat(view.reason()).contains(fragment);
    }

    // --- untouched exports ---

    @Test
    void aFullExportCarriesEveryEntryWithItsEventEnvelopeAndProofAndVerifiesOffline() {
        String export = export(all());

        List<String> lines = lines(export);
        assertThat(lines).hasSize(EVENTS + 2);
        JsonNode entry = readJson(lines.get(1).getBytes(StandardCharsets.UTF_8));
        assertThat(entry.get("leafIndex").asLong()).isZero();
        assertThat(entry.get("eventId").asText()).isEqualTo("evt-0");
        assertThat(entry.get("aggregateId").asText()).isEqualTo("PILE-0");
        assertThat(entry.get("payload").get("ratedPowerKw").asDouble()).isEqualTo(7.0);
        assertThat(entry.get("envelope").get("signed").asText()).contains("\"keyId\":\"op1-sm2\"");
        assertThat(entry.get("inclusionProof")).hasSize(6);
        assertThat(readJson(lines.get(5).getBytes(StandardCharsets.UTF_8)).get("envelope").isNull()).isTrue();
        JsonNode trailer = readJson(lines.get(EVENTS + 1).getBytes(StandardCharsets.UTF_8));
        assertThat(trailer.get("entries").asLong()).isEqualTo(EVENTS);
        assertThat(trailer.get("withEnvelope").asLong()).isEqualTo(EVENTS - EVENTS / 5);

        TreeHead head = headOf(export);
        assertThat(head.treeSize()).isEqualTo(EVENTS);
        ExportVerifier.Verdict verdict = verify(export, head);
        assertThat(verdict.ok()).as(verdict.text()).isTrue();
        assertThat(verdict.entries()).isEqualTo(EVENTS);
        assertThat(verdict.envelopes()).isEqualTo(EVENTS - EVENTS / 5);
        assertThat(verdict.text()).startsWith("核验通过").contains("VERIFIED");
    }

    @Test
    void anExportIsProvenConsistentWithAnOlderTrustedTreeHead() {
        TreeHead older = fx.collection("ledger_checkpoints").find(Filters.eq("_id", 39L)).map(doc -> new TreeHead(40,
                doc.getString("rootHash"), doc.getString("headHash"), doc.getDate("sealedAt").toInstant(), doc.getString("keyId"),
                doc.getString("algorithm"), doc.getString("treeHeadSignature"))).first();

        String withProof = export(new LedgerExportRequest(30L, 46L, null, null, null, 40L));
        String withoutProof = export(new LedgerExportRequest(30L, 46L, null, null, null, null));

        assertThat(verify(withProof, older).ok()).as(verify(withProof, older).text()).isTrue();
        assertFails(verify(withoutProof, older), 1, "no consistency proof from the trusted size 40");
        String forgedTrust = withProof.replace(older.rootHash(), "0".repeat(64));
        TreeHead forged = new TreeHead(40, "0".repeat(64), older.chainHead(), older.timestamp(), older.keyId(), older.algorithm(),
                older.signature());
        assertFails(verify(forgedTrust, forged), 0, "trusted tree head's signature");
    }

    @Test
    void exportsByPositionTimeAndAggregateHoldOnlyTheirEntriesAndVerify() {
        String byPosition = export(new LedgerExportRequest(12L, 20L, null, null, null, null));
        String byTime = export(new LedgerExportRequest(null, null, BASE.plusSeconds(600), BASE.plusSeconds(1200), null, null));
        String byAggregate = export(new LedgerExportRequest(null, null, null, null, "PILE-1", null));

        assertThat(lines(byPosition)).hasSize(9 + 2);
        assertThat(lines(byTime)).hasSize(10 + 2);
        assertThat(lines(byAggregate).subList(1, lines(byAggregate).size() - 1))
                .allSatisfy(line -> assertThat(line).contains("\"aggregateId\":\"PILE-1\""));
        assertThat(lines(byAggregate)).hasSizeGreaterThan(5);
        for (String export : List.of(byPosition, byTime, byAggregate)) {
            ExportVerifier.Verdict verdict = verify(export, headOf(export));
            assertThat(verdict.ok()).as(verdict.text()).isTrue();
        }
    }

    @Test
    void theCliVerifiesAnExportOfflineAndNamesTheFirstFailure() throws IOException {
        String export = export(all());
        Path exportFile = Files.writeString(dir.resolve("export.jsonl"), export);
        Path headFile = Files.writeString(dir.resolve("head.json"), headOf(export).toJson().toString());
        Path centerFile = Files.writeString(dir.resolve("center.pub.pem"), Crypto.toPem(fx.signer.publicKey()));
        ObjectNode keyFile = MAPPER.createObjectNode();
        publicKeys().forEach((id, key) -> keyFile.put(id, Crypto.toPem(key)));
        Path keysFile = Files.writeString(dir.resolve("keys.json"), keyFile.toString());
        List<String> tampered = lines(export);
        tampered.set(9, tampered.get(9).replace("\"PILE-0\"", "\"PILE-9\""));
        Path tamperedFile = Files.writeString(dir.resolve("tampered.jsonl"), join(tampered));

        String[] ok = cli("verify-export", "--export", exportFile.toString(), "--trusted-head", headFile.toString(),
                "--center-key", centerFile.toString(), "--keys", keysFile.toString());
        String[] failed = cli("verify-export", "--export", tamperedFile.toString(), "--trusted-head", headFile.toString(),
                "--center-key", centerFile.toString(), "--keys", keysFile.toString());
        String[] noKeys = cli("verify-export", "--export", exportFile.toString(), "--trusted-head", headFile.toString(),
                "--center-key", centerFile.toString());

        assertThat(ok[0]).isEqualTo("0");
        assertThat(ok[1]).startsWith("核验通过").contains("VERIFIED: 47 entries");
        assertThat(failed[0]).isEqualTo("1");
        assertThat(failed[2]).contains("核验失败（第 10 行）").contains("VERIFICATION FAILED at line 10").contains("event was altered");
        assertThat(noKeys[0]).isEqualTo("1");
        assertThat(noKeys[2]).contains("no public key for signing key 'op1-sm2'");
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = IccCli.commandLine(new IccCli(new ByteArrayInputStream(new byte[0]), Clock.systemUTC(),
                (Supplier<String>) () -> "nonce-nonce-nonce-0"));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    // --- tampering with the export file ---

    @Test
    void anEditedPayloadInTheExportIsCaughtAtItsLine() {
        String export = export(all());
        List<String> lines = lines(export);
        lines.set(8, lines.get(8).replace("\"ratedPowerKw\":7.7", "\"ratedPowerKw\":70.7"));

        assertFails(verify(join(lines), headOf(export)), 9, "the payload does not match the ledger's payload digest");
    }

    @Test
    void aDeletedLineInTheExportIsCaught() {
        String export = export(all());
        List<String> lines = lines(export);
        lines.remove(21);

        assertFails(verify(join(lines), headOf(export)), 22, "entry 20 is missing here");
    }

    @Test
    void twoReorderedLinesInTheExportAreCaught() {
        String export = export(all());
        List<String> lines = lines(export);
        String line = lines.get(11);
        lines.set(11, lines.get(12));
        lines.set(12, line);

        assertFails(verify(join(lines), headOf(export)), 12, "entry 10 is missing here");
    }

    @Test
    void aTruncatedExportIsCaught() {
        String export = export(all());
        List<String> lines = lines(export);

        assertFails(verify(join(lines.subList(0, 40)), headOf(export)), 41, "the trailer is missing");
        List<String> recounted = new ArrayList<>(lines.subList(0, 40));
        recounted.add("{\"type\":\"trailer\",\"entries\":39,\"withEnvelope\":" + 39 * 4 / 5 + "}");
        assertThat(verify(join(recounted), headOf(export)).ok()).isFalse();
    }

    @Test
    void aReplacedSignatureInTheExportIsCaught() {
        String export = export(all());
        List<String> lines = lines(export);
        String other = readJson(lines.get(4).getBytes(StandardCharsets.UTF_8)).get("envelope").get("signature").asText();
        String own = readJson(lines.get(1).getBytes(StandardCharsets.UTF_8)).get("envelope").get("signature").asText();
        lines.set(1, lines.get(1).replace(own, other));

        assertFails(verify(join(lines), headOf(export)), 2, "envelope or signature replaced");
    }

    @Test
    void aForgedTreeHeadInTheExportIsCaught() {
        String export = export(all());
        TreeHead head = headOf(export);
        List<String> lines = lines(export);
        lines.set(0, lines.get(0).replace("\"treeSize\":47", "\"treeSize\":46"));

        assertFails(verify(join(lines), head), 1, "the export's tree head signature does not verify");
    }

    // --- tampering with the stores: the export and the server's self-check both catch it ---

    @Test
    void anEventPayloadEditedInTheEventStoreIsCaught() {
        TreeHead trusted = headOf(export(all()));
        List<EventMessage<?>> altered = new ArrayList<>(events);
        EventMessage<?> original = altered.get(13);
        altered.set(13, new GenericDomainEventMessage<>("Pile", "PILE-1", 3,
                new TestPayloads.PileRegistered("PILE-1", "OP-1", new BigDecimal("99.9")), original.getMetaData(), "evt-13",
                original.getTimestamp()));
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(altered);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            StreamableLedgerEventSource source = new StreamableLedgerEventSource(store);

            assertFails(verify(export(all(), source), trusted), 15, "the event was altered");
            assertBroken(fx.verifierOver(source).handle(new VerifyLedgerQuery(0, Long.MAX_VALUE)), 13,
                    "event payload altered at seq 13");
        } finally {
            store.shutDown();
        }
    }

    @Test
    void aLedgerEntryDeletedInTheStoreIsCaught() {
        TreeHead trusted = headOf(export(all()));
        fx.collection("ledger_entries").deleteOne(Filters.eq("_id", 17L));

        assertFails(verify(export(all()), trusted), 18, "entry 16: the inclusion proof is missing");
        assertBroken(fx.verifyAll(), 17, "entry missing at seq 17");
    }

    @Test
    void twoLedgerEntriesSwappedInTheStoreAreCaught() {
        TreeHead trusted = headOf(export(all()));
        Document a = fx.collection("ledger_entries").find(Filters.eq("_id", 20L)).first();
        Document b = fx.collection("ledger_entries").find(Filters.eq("_id", 21L)).first();
        a.put("_id", 21L);
        b.put("_id", 20L);
        fx.collection("ledger_entries").replaceOne(Filters.eq("_id", 20L), b);
        fx.collection("ledger_entries").replaceOne(Filters.eq("_id", 21L), a);

        ExportVerifier.Verdict verdict = verify(export(all()), trusted);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.line()).isEqualTo(22);
        assertBroken(fx.verifyAll(), 20, "broken link at seq 20");
    }

    @Test
    void aTruncatedLedgerTailIsCaughtAgainstTheTrustedHead() {
        TreeHead trusted = headOf(export(all()));
        Document entry = fx.collection("ledger_entries").find(Filters.eq("_id", 38L)).first();
        fx.collection("ledger_entries").deleteMany(Filters.gt("_id", 38L));
        fx.collection("ledger_head").updateOne(Filters.eq("_id", "head"),
                Updates.combine(Updates.set("seq", 38L), Updates.set("hash", entry.getString("hash"))));
        LedgerVerificationView selfCheck = fx.verifyAll();
        fx.collection("ledger_checkpoints").deleteMany(Filters.gt("_id", 38L));

        assertFails(verify(export(all()), trusted), 1, "the ledger was truncated");
        assertBroken(selfCheck, 39, "ledger truncated");
    }

    @Test
    void aSignatureReplacedInTheEnvelopeStoreIsCaught() {
        TreeHead trusted = headOf(export(all()));
        String digest = fx.collection("ledger_entries").find(Filters.eq("_id", 6L)).first().getString("envelopeDigest");
        byte[] forged = Arrays.copyOf(Base64.getDecoder().decode(
                fx.collection("command_envelopes").find(Filters.eq("_id", digest)).first().getString("signature")), 64);
        fx.collection("command_envelopes").updateOne(Filters.eq("_id", digest),
                Updates.set("signature", Base64.getEncoder().encodeToString(forged)));

        assertFails(verify(export(all()), trusted), 8, "envelope or signature replaced");
        assertBroken(fx.verifyAll(), 6, "signed command envelope altered at seq 6");
    }
}
