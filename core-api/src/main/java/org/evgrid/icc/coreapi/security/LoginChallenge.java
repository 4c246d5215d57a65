package org.evgrid.icc.coreapi.security;

import java.nio.charset.StandardCharsets;

/**
 * The cryptographic second factor of a console sign-in: the user signs a challenge the center issued with a key
 * registered to them. The signature is over the UTF-8 of {@code "ICC-LOGIN\n" + userId + "\n" + challenge}, so a signed
 * challenge is bound to one user and cannot be mistaken for a signed command or a signed request.
 */
public final class LoginChallenge {

    /** The first line of the signed text. */
    public static final String DOMAIN = "ICC-LOGIN";

    private LoginChallenge() {
    }

    /** The bytes the user signs. */
    public static byte[] signingInput(String userId, String challenge) {
        return (DOMAIN + "\n" + userId + "\n" + challenge).getBytes(StandardCharsets.UTF_8);
    }
}
