package org.evgrid.icc.ledger.signing;

import java.util.Base64;

import org.axonframework.queryhandling.QueryHandler;
import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.LoginChallenge;
import org.evgrid.icc.coreapi.security.VerifyLoginSignatureQuery;
import org.springframework.stereotype.Component;

/**
 * Checks the cryptographic second factor of a console sign-in ({@link LoginChallenge}): the key is known, active and
 * registered to the user signing in (owner id = user id), and the signature verifies. Whether the challenge itself is
 * fresh and unused is the caller's business (the sign-in endpoint issued it).
 */
@Component
public class LoginSignatureVerifier {

    private final KeyRegistry keys;

    public LoginSignatureVerifier(KeyRegistry keys) {
        this.keys = keys;
    }

    @QueryHandler
    public Boolean handle(VerifyLoginSignatureQuery query) {
        if (query.keyId() == null) {
            throw Refusals.missing("keyId");
        }
        if (query.signature() == null || query.signature().isBlank()) {
            throw Refusals.missing("signature");
        }
        RegisteredKey key = KeyChecks.activeKey(keys, query.keyId());
        if (query.userId() == null || !query.userId().value().equals(key.view().ownerId())) {
            throw new IccException("ICC-AUTH-KEY-NOT-YOURS", ErrorCategory.FORBIDDEN, "keyId",
                    "该密钥不属于正在登录的用户", "The key is not registered to the user signing in",
                    "Sign the challenge with a key registered to your own user id, or have your public key registered first");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(query.signature().trim());
        } catch (IllegalArgumentException e) {
            throw Refusals.invalidSignature();
        }
        if (!key.verifies(LoginChallenge.signingInput(query.userId().value(), query.challenge()), signature)) {
            throw Refusals.invalidSignature();
        }
        return Boolean.TRUE;
    }
}
