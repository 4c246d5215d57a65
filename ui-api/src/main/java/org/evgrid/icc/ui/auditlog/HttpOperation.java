package org.evgrid.icc.ui.auditlog;

import java.time.Instant;

/**
 * An operation over HTTP other than a signed command, as the audit log records it: every request that changes something
 * (not GET, HEAD or OPTIONS) and every request refused for lack of authentication or role, with who, from where, what
 * and how it ended.
 *
 * @param at when the center answered (its clock)
 * @param method the HTTP method
 * @param path the request path (the target)
 * @param remoteAddress the client's address
 * @param keyId the signing key of a signed request, else null
 * @param principal who was authenticated ({@code user:<id>} for a console user, the key's owner for a signed request), or
 *     null when nobody was
 * @param status the HTTP status answered
 * @param problemCode the refusal's stable code when the answer was a problem, else null
 */
public record HttpOperation(Instant at, String method, String path, String remoteAddress, String keyId, String principal, int status,
                            String problemCode) {

    /** Whether the request succeeded (2xx or 3xx). */
    public boolean accepted() {
        return status < 400;
    }
}
