package org.evgrid.icc.ledger.signing;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;

/** The refusals of the signed path, with their stable codes and business wording. */
final class Refusals {

    private Refusals() {
    }

    static IccException missing(String field) {
        return new IccException("ICC-SIG-MISSING", ErrorCategory.UNAUTHENTICATED, field,
                "请求未签名或缺少签名信息", "The request is not signed or its signature data is missing",
                "Send the command as a signed envelope (commandType, payload, keyId, algorithm, timestamp, nonce, signature), "
                        + "or a read request with the X-ICC-Key-Id, X-ICC-Timestamp, X-ICC-Nonce and X-ICC-Signature headers");
    }

    static IccException malformed(String field, String zh, String en, String fix) {
        return IccException.invalid("ICC-SIG-ENVELOPE", field, "签名信封格式不正确：" + zh, "The signed envelope is malformed: " + en, fix);
    }

    static IccException header(String field, String zh, String en, String fix) {
        return IccException.invalid("ICC-SIG-HEADER", field, "签名请求头格式不正确：" + zh, "A signature header is malformed: " + en, fix);
    }

    static IccException type(String commandType) {
        return IccException.invalid("ICC-SIG-TYPE", "commandType",
                "命令类型“" + commandType + "”未知，或与所附命令不一致",
                "Command type '" + commandType + "' is unknown or does not match the command sent",
                "Use the command's name without the Command suffix, e.g. RegisterPile, and send that command");
    }

    static IccException payloadMismatch() {
        return new IccException("ICC-SIG-PAYLOAD-MISMATCH", ErrorCategory.UNAUTHENTICATED, "payload",
                "签名的命令内容与实际执行的命令不一致", "The signed payload differs from the command being executed",
                "Sign exactly the payload you send, with every field of the command and no other");
    }

    static IccException unknownKey(String keyId) {
        return new IccException("ICC-SIG-UNKNOWN-KEY", ErrorCategory.UNAUTHENTICATED, "keyId",
                "签名密钥“" + keyId + "”未登记", "Signing key '" + keyId + "' is not registered",
                "Use the id of a registered key, or have the public key registered first");
    }

    static IccException revoked(String keyId) {
        return new IccException("ICC-SIG-KEY-REVOKED", ErrorCategory.UNAUTHENTICATED, "keyId",
                "签名密钥“" + keyId + "”已吊销，不能再签署新的请求", "Signing key '" + keyId + "' has been revoked and signs nothing new",
                "Sign with a valid key; ask the administrator to register a new one");
    }

    static IccException algorithmMismatch(SignatureAlgorithm used, SignatureAlgorithm registered) {
        return new IccException("ICC-SIG-ALG-MISMATCH", ErrorCategory.UNAUTHENTICATED, "algorithm",
                "签名算法 " + used + " 与该密钥登记的算法 " + registered + " 不一致",
                "Signature algorithm " + used + " differs from the key's registered algorithm " + registered,
                "Sign with " + registered);
    }

    static IccException invalidSignature() {
        return new IccException("ICC-SIG-INVALID", ErrorCategory.UNAUTHENTICATED, "signature",
                "签名验证失败：签名与登记的公钥不匹配，或签名内容被改动",
                "The signature does not verify against the registered public key, or the signed content was altered",
                "Sign the RFC 8785 canonical JSON of the envelope without its signature (or, for a read request, "
                        + "METHOD, path, timestamp and nonce on separate lines) with the key's private key; "
                        + "send base64 of the DER signature");
    }

    static IccException stale(String timestamp, Duration window) {
        long minutes = window.toMinutes();
        return new IccException("ICC-SIG-STALE", ErrorCategory.UNAUTHENTICATED, "timestamp",
                "签名时间 " + timestamp + " 与中心时间相差超过 " + minutes + " 分钟",
                "The signing time " + timestamp + " is more than " + minutes + " minutes away from the center's time",
                "Synchronise your clock (NTP) and sign again with the current time");
    }

    static IccException role(String commandType, Collection<Role> allowed) {
        String roles = allowed.stream().map(Role::name).collect(Collectors.joining(", "));
        return IccException.forbidden("ICC-SIG-ROLE", "keyId",
                "该密钥的角色无权执行“" + commandType + "”，允许的角色：" + roles,
                "This key's roles may not issue " + commandType + "; allowed roles: " + roles,
                "Sign with a key that holds one of the allowed roles");
    }

    static IccException operatorScope(String own) {
        return IccException.forbidden("ICC-SCOPE-OPERATOR", "operatorId",
                "运营商平台只能操作本运营商（" + own + "）的数据", "An operator platform may act only on its own operator's data (" + own + ")",
                "Send the command for your own operator id " + own);
    }

    static IccException replay() {
        return IccException.conflict("ICC-SIG-REPLAY", "nonce",
                "该随机数已被此密钥使用过，请求被视为重放", "This nonce was already used with this key; the request is treated as a replay",
                "Use a fresh random nonce for every request; if you retry, sign again");
    }
}
