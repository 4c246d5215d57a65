package org.evgrid.icc.ui.security;

import java.util.List;

import org.evgrid.icc.coreapi.security.Viewer;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated caller: a machine client (signed request) or a console user; its principal is the {@link Viewer}. */
public final class ViewerAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient Viewer viewer;

    public ViewerAuthentication(Viewer viewer) {
        super(viewer.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.viewer = viewer;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return viewer;
    }

    @Override
    public String getName() {
        return viewer.principal();
    }

    /** The authorities as plain role names. */
    public List<String> roleNames() {
        return viewer.roles().stream().map(Enum::name).toList();
    }
}
