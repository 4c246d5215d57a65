package org.evgrid.icc.ledger.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ledger.chain.LedgerHashes;
import org.evgrid.icc.ledger.json.Jcs;
import org.evgrid.icc.ledger.merkle.MerkleHashes;
import org.evgrid.icc.ledger.merkle.MerkleProofVerifier;
import org.evgrid.icc.ledger.merkle.TreeHead;
import org.evgrid.icc.ledger.signing.Crypto;
import org.evgrid.icc.ledger.signing.Envelopes;

/**
 * Checks an auditor export ({@link ExportFormat}) without the server: the signatures of the trusted and the export's
 * tree heads (center key), the export's head against the trusted one (same head, or a consistency proof from the
 * trusted size; a smaller export head means the ledger shrank), and for every entry in order: the payload digest (SM3
 * of the payload's RFC 8785 JSON), the signed command envelope (digest, signer key, signature), the chain link, the
 * inclusion proof, and the trailer's counts. For an unfiltered range the entries must be exactly {@code from..to}.
 * Stops at the first failure.
 */
public final class ExportVerifier {

    private final ObjectMapper mapper = new ObjectMapper();
    private final PublicKey centerKey;
    private final Map<String, PublicKey> signerKeys;

    /**
     * @param centerKey  the center's public key (tree head signatures)
     * @param signerKeys public keys of command signers by key id
     */
    public ExportVerifier(PublicKey centerKey, Map<String, PublicKey> signerKeys) {
        this.centerKey = centerKey;
        this.signerKeys = Map.copyOf(signerKeys);
    }

    /** The verdict: the first failure (line number from 1, both languages) or success with counts. */
    public record Verdict(boolean ok, long line, String zh, String en, long entries, long envelopes, TreeHead treeHead) {

        /** One line for people: 核验通过/VERIFIED or 核验失败/FAILED with the line and the reason. */
        public String text() {
            if (ok) {
                return "核验通过：" + zh + " / VERIFIED: " + en;
            }
            return "核验失败（第 " + line + " 行）：" + zh + " / VERIFICATION FAILED at line " + line + ": " + en;
        }
    }

    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String zh;
        private final String en;

        Failure(String zh, String en) {
            super(en, null, false, false);
            this.zh = zh;
            this.en = en;
        }
    }

    /** Verifies an export against a trusted tree head. */
    public Verdict verify(BufferedReader export, TreeHead trusted) throws IOException {
        Run run = new Run();
        try {
            run.execute(export, trusted);
        } catch (Failure f) {
            return new Verdict(false, run.lineNo, f.zh, f.en, run.entries, run.envelopes, run.head);
        }
        String en = run.entries + " entries, " + run.envelopes + " signed command envelopes, tree head of " + run.head.treeSize()
                + " entries (root " + run.head.rootHash() + ") consistent with the trusted head of " + trusted.treeSize() + " entries";
        String zh = run.entries + " 条记录、" + run.envelopes + " 个签名指令信封，树头（" + run.head.treeSize() + " 条）与可信树头（"
                + trusted.treeSize() + " 条）一致";
        return new Verdict(true, run.lineNo, zh, en, run.entries, run.envelopes, run.head);
    }

    /** Whether a tree head's signature verifies with the center's key. */
    public boolean treeHeadSigned(TreeHead head) {
        Optional<SignatureAlgorithm> algorithm = algorithmNamed(head.algorithm());
        if (algorithm.isEmpty() || head.signature() == null) {
            return false;
        }
        try {
            return Crypto.verify(algorithm.get(), centerKey, head.signingInput(), Base64.getDecoder().decode(head.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The algorithm by its name ({@code SM2_SM3}) or its JCA name ({@code SM3withSM2}). */
    public static Optional<SignatureAlgorithm> algorithmNamed(String name) {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            if (algorithm.name().equals(name) || algorithm.jcaName().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** One pass over an export. */
    private final class Run {
        private long lineNo;
        private long entries;
        private long envelopes;
        private TreeHead head;
        private byte[] root;
        private JsonNode previous;
        private boolean filtered;
        private long from;
        private long to;

        void execute(BufferedReader export, TreeHead trusted) throws IOException, Failure {
            if (!treeHeadSigned(trusted)) {
                throw new Failure("可信树头的签名无效（与中心公钥不符）", "the trusted tree head's signature does not verify with the center's key");
            }
            JsonNode header = next(export);
            if (header == null || !ExportFormat.HEADER.equals(header.path("type").asText())
                    || !ExportFormat.FORMAT.equals(header.path("format").asText())) {
                throw new Failure("缺少导出文件头或格式不符", "the first line is not an " + ExportFormat.FORMAT + " header");
            }
            checkHeader(header, trusted);
            JsonNode line;
            while ((line = next(export)) != null) {
                String type = line.path("type").asText();
                if (ExportFormat.TRAILER.equals(type)) {
                    checkTrailer(line);
                    if (next(export) != null) {
                        throw new Failure("文件尾之后还有内容", "there are lines after the trailer");
                    }
                    return;
                }
                if (!ExportFormat.ENTRY.equals(type)) {
                    throw new Failure("无法识别的行类型 " + type, "unknown line type '" + type + "'");
                }
                checkEntry(line);
            }
            lineNo++;
            throw new Failure("缺少文件尾：导出文件被截断", "the trailer is missing: the export is truncated");
        }

        private JsonNode next(BufferedReader reader) throws IOException, Failure {
            String text = reader.readLine();
            if (text == null) {
                return null;
            }
            lineNo++;
            try {
                JsonNode node = mapper.readTree(text);
                if (node == null || !node.isObject()) {
                    throw new Failure("不是 JSON 对象", "the line is not a JSON object");
                }
                return node;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new Failure("不是合法的 JSON", "the line is not valid JSON");
            }
        }

        private void checkHeader(JsonNode header, TreeHead trusted) throws Failure {
            try {
                head = TreeHead.fromJson(header.get("treeHead"));
                root = MerkleHashes.fromHex(head.rootHash());
            } catch (RuntimeException e) {
                throw new Failure("导出的树头不完整", "the export's tree head is malformed: " + e.getMessage());
            }
            if (!treeHeadSigned(head)) {
                throw new Failure("导出的树头签名无效", "the export's tree head signature does not verify with the center's key");
            }
            if (head.treeSize() < trusted.treeSize()) {
                throw new Failure("导出的树头（" + head.treeSize() + " 条）小于可信树头（" + trusted.treeSize() + " 条）：账本被截断或导出过旧",
                        "the export's tree head covers " + head.treeSize() + " entries, fewer than the trusted head's "
                                + trusted.treeSize() + ": the ledger was truncated (or the export is older than the trusted head)");
            }
            if (head.treeSize() == trusted.treeSize()) {
                if (!head.rootHash().equals(trusted.rootHash()) || !head.chainHead().equals(trusted.chainHead())) {
                    throw new Failure("导出的树头与同样大小的可信树头不符", "the export's tree head differs from the trusted head of the same size");
                }
            } else {
                JsonNode c = header.get("consistency");
                if (c == null || c.path("first").asLong(-1) != trusted.treeSize() || c.path("second").asLong(-1) != head.treeSize()) {
                    throw new Failure("缺少从可信树头（" + trusted.treeSize() + " 条）到导出树头的一致性证明；请以 trustedTreeSize="
                            + trusted.treeSize() + " 重新导出", "no consistency proof from the trusted size " + trusted.treeSize()
                            + " to the export's size " + head.treeSize() + "; export again with trustedTreeSize=" + trusted.treeSize());
                }
                if (!MerkleProofVerifier.verifyConsistency(trusted.treeSize(), head.treeSize(), MerkleHashes.fromHex(trusted.rootHash()),
                        root, hashes(c.get("proof")))) {
                    throw new Failure("一致性证明不成立：导出的账本不是可信树头所记账本的延续",
                            "the consistency proof fails: the exported ledger does not extend the one the trusted head records");
                }
            }
            JsonNode range = header.path("range");
            from = range.path("from").asLong(-1);
            to = range.path("to").asLong(-1);
            filtered = range.hasNonNull("since") || range.hasNonNull("until") || range.hasNonNull("aggregateId");
            if (from < 0 || to < from || to >= head.treeSize()) {
                throw new Failure("导出范围无效", "the header's range " + from + ".." + to + " is not within the tree head");
            }
        }

        private void checkEntry(JsonNode line) throws Failure {
            long leaf = line.path("leafIndex").asLong(-1);
            String at = "第 " + leaf + " 条";
            String atEn = "entry " + leaf;
            long expected = previous == null ? from : previous.path("leafIndex").asLong() + 1;
            if (leaf < from || leaf > to || (previous != null && leaf < expected)) {
                throw new Failure(at + "位置不在范围内或顺序错乱", atEn + ": leaf index out of the range " + from + ".." + to + " or out of order");
            }
            if (!filtered && leaf != expected) {
                throw new Failure("缺少第 " + expected + " 条（记录被删除或顺序被改动）",
                        "entry " + expected + " is missing here (deleted or reordered); found " + leaf);
            }
            String payloadDigest = text(line, "payloadDigest");
            String envelopeDigest = text(line, "envelopeDigest");
            String previousHash = text(line, "previousHash");
            String hash = text(line, "hash");
            String eventId = text(line, "eventId");
            JsonNode payload = line.get("payload");
            if (payload == null || payload.isNull()) {
                throw new Failure(at + "缺少事件内容（事件库中找不到该事件）", atEn + ": the event is missing (not found in the event store)");
            }
            String recomputed = LedgerHashes.sm3Hex(Jcs.canonicalize(payload));
            if (!recomputed.equals(payloadDigest)) {
                throw new Failure(at + "事件内容与账本摘要不符（事件被改动）", atEn + " (event " + eventId + "): the payload does not match the "
                        + "ledger's payload digest (the event was altered): " + recomputed + " instead of " + payloadDigest);
            }
            JsonNode metaDigest = line.path("metadata").get(SignatureMetadata.ENVELOPE_DIGEST);
            String fromMetadata = LedgerHashes.envelopeDigest(metaDigest == null || metaDigest.isNull() ? null : metaDigest.asText());
            if (!fromMetadata.equals(envelopeDigest)) {
                throw new Failure(at + "事件元数据中的信封摘要与账本不符", atEn + ": the envelope digest in the event's metadata differs from the ledger's");
            }
            checkEnvelope(line.get("envelope"), envelopeDigest, at, atEn);
            String link;
            try {
                link = LedgerHashes.linkHash(previousHash, eventId, payloadDigest, envelopeDigest);
            } catch (IllegalArgumentException e) {
                throw new Failure(at + "摘要格式错误", atEn + ": " + e.getMessage());
            }
            if (!link.equals(hash)) {
                throw new Failure(at + "链哈希不符", atEn + ": the chain hash does not match its fields (recomputed " + link + ")");
            }
            if (previous != null && previous.path("leafIndex").asLong() == leaf - 1 && !previous.path("hash").asText().equals(previousHash)) {
                throw new Failure(at + "与前一条的链接断裂", atEn + ": previousHash does not equal the hash of entry " + (leaf - 1));
            }
            if (leaf == head.treeSize() - 1 && !hash.equals(head.chainHead())) {
                throw new Failure(at + "与树头记录的链头不符", atEn + ": the last entry's hash differs from the tree head's chain head");
            }
            JsonNode proof = line.get("inclusionProof");
            if (proof == null || proof.isNull()) {
                throw new Failure(at + "缺少包含证明（服务器无法生成，账本可能被改动）",
                        atEn + ": the inclusion proof is missing (the server could not build it: the ledger may have been altered)");
            }
            if (!MerkleProofVerifier.verifyInclusion(MerkleHashes.leafHashOfHex(hash), leaf, head.treeSize(), hashes(line.get("inclusionProof")),
                    root)) {
                throw new Failure(at + "包含证明不成立（不在树头所记账本中）", atEn + ": the inclusion proof against the tree head fails");
            }
            entries++;
            previous = line;
        }

        private void checkEnvelope(JsonNode envelope, String envelopeDigest, String at, String atEn) throws Failure {
            boolean unsigned = LedgerHashes.ZERO_HASH.equals(envelopeDigest);
            if (envelope == null || envelope.isNull()) {
                if (unsigned) {
                    return;
                }
                throw new Failure(at + "缺少签名指令信封", atEn + ": the signed command envelope is missing");
            }
            if (unsigned) {
                throw new Failure(at + "无签名事件却附有信封", atEn + ": an envelope is attached to an event recorded as unsigned");
            }
            String signed = text(envelope, "signed");
            byte[] signedBytes = signed.getBytes(StandardCharsets.UTF_8);
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(text(envelope, "signature"));
            } catch (IllegalArgumentException e) {
                throw new Failure(at + "签名不是合法的 base64", atEn + ": the envelope signature is not base64");
            }
            if (!Envelopes.digest(signedBytes, signature).equals(envelopeDigest)) {
                throw new Failure(at + "签名指令信封与账本摘要不符（信封或签名被替换）",
                        atEn + ": the envelope and signature do not match the ledger's envelope digest (envelope or signature replaced)");
            }
            JsonNode body;
            try {
                body = mapper.readTree(signed);
            } catch (IOException e) {
                throw new Failure(at + "信封不是合法的 JSON", atEn + ": the signed envelope is not JSON");
            }
            String keyId = body.path("keyId").asText();
            PublicKey key = signerKeys.get(keyId);
            if (key == null) {
                throw new Failure(at + "未提供签名密钥 " + keyId + " 的公钥", atEn + ": no public key for signing key '" + keyId
                        + "'; give it in --keys");
            }
            Optional<SignatureAlgorithm> algorithm = algorithmNamed(body.path("algorithm").asText());
            if (algorithm.isEmpty() || algorithm.get() != Crypto.algorithmOf(key)) {
                throw new Failure(at + "信封的签名算法与密钥 " + keyId + " 不符", atEn + ": the envelope's algorithm does not match key '" + keyId + "'");
            }
            if (!Crypto.verify(algorithm.get(), key, signedBytes, signature)) {
                throw new Failure(at + "指令签名无效（密钥 " + keyId + "）", atEn + ": the command signature does not verify with key '" + keyId + "'");
            }
            envelopes++;
        }

        private void checkTrailer(JsonNode trailer) throws Failure {
            if (trailer.path("entries").asLong(-1) != entries) {
                throw new Failure("文件尾记录数（" + trailer.path("entries").asLong(-1) + "）与实际条数（" + entries + "）不符",
                        "the trailer counts " + trailer.path("entries").asLong(-1) + " entries, the export has " + entries);
            }
            if (trailer.path("withEnvelope").asLong(-1) != envelopes) {
                throw new Failure("文件尾信封数不符", "the trailer counts " + trailer.path("withEnvelope").asLong(-1) + " envelopes, the export has "
                        + envelopes);
            }
            if (!filtered) {
                long last = previous == null ? from - 1 : previous.path("leafIndex").asLong();
                if (last != to) {
                    throw new Failure("导出范围末尾缺少记录（应到第 " + to + " 条）", "entries " + (last + 1) + ".." + to
                            + " of the range are missing at the end");
                }
            }
        }

        private String text(JsonNode node, String field) throws Failure {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                throw new Failure("缺少字段 " + field, "the field '" + field + "' is missing");
            }
            return value.asText();
        }

        private List<byte[]> hashes(JsonNode array) throws Failure {
            if (array == null || !array.isArray()) {
                throw new Failure("缺少证明", "the proof is missing");
            }
            List<byte[]> out = new ArrayList<>();
            for (JsonNode item : array) {
                String hex = item.asText();
                if (!hex.matches("[0-9a-f]{64}")) {
                    throw new Failure("证明中的哈希格式错误", "a proof hash is not 64 lower-case hex characters");
                }
                out.add(MerkleHashes.fromHex(hex));
            }
            return out;
        }
    }
}
