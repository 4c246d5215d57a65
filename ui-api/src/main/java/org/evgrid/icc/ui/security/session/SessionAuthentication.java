package org.evgrid.icc.ui.security.session;

import org.evgrid.icc.ui.security.IccUserDetails;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A console user authenticated by a session token; the principal is the user as the registry has them now. */
public final class SessionAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient IccUserDetails user;
    private final transient ConsoleSessions.Session session;

    public SessionAuthentication(IccUserDetails user, ConsoleSessions.Session session) {
        super(user.getAuthorities());
        this.user = user;
        this.session = session;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.getUsername();
    }

    /** The session this request runs in. */
    public ConsoleSessions.Session session() {
        return session;
    }
}
