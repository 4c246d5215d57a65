package org.evgrid.icc.coreapi.security;

/**
 * Checks a signed login challenge ({@link LoginChallenge}): the key must be registered, not revoked and owned by the
 * user, and the signature must verify. Answers {@code Boolean.TRUE}; refuses with a problem otherwise.
 *
 * @param userId the user signing in
 * @param keyId the user's key
 * @param challenge the challenge as the center issued it
 * @param signature base64 of the signature over {@link LoginChallenge#signingInput}
 */
public record VerifyLoginSignatureQuery(UserId userId, KeyId keyId, String challenge, String signature) {
}
