package org.evgrid.icc.ledger.signing.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.ScopeLevel;
import org.evgrid.icc.coreapi.security.SignatureAlgorithm;
import org.evgrid.icc.coreapi.security.SignerKeyView;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.UserId;

/** Mapping of keys and users to and from their Mongo documents. */
public final class Documents {

    private Documents() {
    }

    public static List<String> roles(Collection<Role> roles) {
        return roles == null ? List.of() : roles.stream().sorted().map(Role::name).toList();
    }

    public static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(n -> roles.add(Role.valueOf(n)));
        }
        return roles;
    }

    public static Document scope(DataScope scope) {
        return scope == null ? null : new Document("level", scope.level().name()).append("code", scope.code());
    }

    public static DataScope scope(Document doc) {
        return doc == null ? null : new DataScope(ScopeLevel.valueOf(doc.getString("level")), doc.getString("code"));
    }

    public static String operator(OperatorId id) {
        return id == null ? null : id.value();
    }

    public static OperatorId operator(String value) {
        return value == null ? null : new OperatorId(value);
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** A {@code signer_keys} document as the verifier's view. */
    public static SignerKeyView signerKey(Document d) {
        return new SignerKeyView(new KeyId(d.getString("_id")), SignatureAlgorithm.valueOf(d.getString("algorithm")),
                d.getString("publicKey"), d.getString("ownerId"), roles(d.getList("roles", String.class)),
                operator(d.getString("operatorId")), scope(d.get("scope", Document.class)), Boolean.TRUE.equals(d.getBoolean("revoked")),
                instant(d.getDate("registeredAt")), instant(d.getDate("revokedAt")));
    }

    /** A {@code users} document as the login's view. */
    public static UserCredentialsView user(Document d) {
        return new UserCredentialsView(new UserId(d.getString("_id")), d.getString("displayName"), d.getString("passwordHash"),
                roles(d.getList("roles", String.class)), scope(d.get("scope", Document.class)), operator(d.getString("operatorId")),
                !Boolean.FALSE.equals(d.getBoolean("enabled")));
    }
}
