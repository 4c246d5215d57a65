package org.evgrid.icc.command.security;

import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.security.internal.RoleRules;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.PublicKeySpec;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyRegisteredEvent;

/**
 * The rules a signing key must meet to be registered, shared by key registration and operator registration (whose
 * platform keys become signing keys). The public key is checked for syntax only: PEM ({@code PUBLIC KEY}) or base64
 * whose body decodes; the verifier checks that it is a usable key of its algorithm.
 */
public final class KeyRules {

    /** Longest accepted public key text; an SM2, P-256 or Ed25519 key in PEM is far below it. */
    public static final int MAX_PUBLIC_KEY_CHARS = 8192;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private KeyRules() {
    }

    /**
     * Checks a key registration and answers its event: the scope defaults to headquarters.
     *
     * @param prefix prefix of the field names in refusals (empty, or e.g. {@code platformKeys[0].})
     */
    public static SignerKeyRegisteredEvent registration(PublicKeySpec key, String ownerId, Set<Role> roles, OperatorId operatorId,
                                                        DataScope scope, String prefix) {
        if (key.keyId() == null) {
            throw Texts.missing(prefix + "keyId", "密钥标识", "key id").exception();
        }
        checkAlgorithm(key.algorithm(), prefix + "algorithm");
        checkPublicKey(key.publicKey(), prefix + "publicKey");
        String owner = Texts.required(ownerId, prefix + "ownerId", "密钥持有者", "key owner", 100);
        checkRoles(roles, operatorId, prefix);
        return new SignerKeyRegisteredEvent(key.keyId(), key.algorithm(), key.publicKey().strip(), owner, Set.copyOf(roles),
                operatorId, scope == null ? DataScope.HEADQUARTERS : scope);
    }

    /** Checks one platform key of an operator and answers its registration: role operator platform, owner {@code operator:<id>}. */
    public static SignerKeyRegisteredEvent platformKey(PublicKeySpec key, OperatorId operatorId, String prefix) {
        return registration(key, "operator:" + operatorId.value(), Set.of(Role.OPERATOR_PLATFORM), operatorId,
                DataScope.HEADQUARTERS, prefix);
    }

    /** Refuses a missing algorithm. */
    public static void checkAlgorithm(SignatureAlgorithm algorithm, String field) {
        if (algorithm == null) {
            throw Refusal.invalid("ICC-KEY-ALGORITHM-REQUIRED", field,
                    "必须指明签名算法", "The signature algorithm is required",
                    "Use SM2_SM3, ED25519 or ECDSA_P256").exception();
        }
    }

    /** Refuses a public key that is neither PEM nor base64 that decodes. */
    public static void checkPublicKey(String publicKey, String field) {
        if (publicKey == null || publicKey.isBlank()) {
            throw Refusal.invalid("ICC-KEY-PUBLIC-KEY-INVALID", field,
                    "公钥不能为空", "The public key is required",
                    "Paste the public key in PEM (-----BEGIN PUBLIC KEY-----) or as base64").exception();
        }
        if (publicKey.length() > MAX_PUBLIC_KEY_CHARS) {
            throw badKey(field);
        }
        String body = publicKey.strip();
        if (body.startsWith("-----")) {
            Matcher pem = PEM.matcher(body);
            if (!pem.matches()) {
                throw badKey(field);
            }
            body = pem.group(1);
        }
        body = WHITESPACE.matcher(body).replaceAll("");
        try {
            if (body.isEmpty() || Base64.getDecoder().decode(body).length == 0) {
                throw badKey(field);
            }
        } catch (IllegalArgumentException e) {
            throw badKey(field);
        }
    }

    private static void checkRoles(Set<Role> roles, OperatorId operatorId, String prefix) {
        RoleRules.check(roles, prefix + "roles");
        if (roles.contains(Role.OPERATOR_PLATFORM)) {
            if (roles.size() > 1) {
                throw Refusal.invalid("ICC-KEY-PLATFORM-ROLE-ALONE", prefix + "roles",
                        "运营平台密钥只能具有“运营平台”一个角色", "An operator platform key may hold no role besides OPERATOR_PLATFORM",
                        "Register a separate key for the other roles").exception();
            }
            if (operatorId == null) {
                throw Refusal.invalid("ICC-KEY-OPERATOR-REQUIRED", prefix + "operatorId",
                        "运营平台密钥必须指明所属运营商", "An operator platform key must name its operator",
                        "Give the id of the operator the platform belongs to").exception();
            }
        }
    }

    private static RuntimeException badKey(String field) {
        return Refusal.invalid("ICC-KEY-PUBLIC-KEY-INVALID", field,
                "公钥格式不正确：应为 PEM 格式（-----BEGIN PUBLIC KEY-----）或可解码的 Base64 文本",
                "The public key is malformed: use PEM (-----BEGIN PUBLIC KEY-----) or base64 that decodes",
                "Export the public key again as X.509 SubjectPublicKeyInfo in PEM or base64 DER").exception();
    }
}
