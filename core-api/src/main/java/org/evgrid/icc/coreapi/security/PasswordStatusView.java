package org.evgrid.icc.coreapi.security;

import java.time.Instant;
import java.util.List;

/** When the current password was set, and the bcrypt hashes of the user's recent passwords (current first). */
public record PasswordStatusView(
        UserId userId,
        Instant passwordSetAt,
        List<String> recentHashes) {
}
