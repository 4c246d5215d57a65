package org.evgrid.icc.ui.security;

import java.util.Collection;

import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.Viewer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A console user as Spring Security sees it. */
public record IccUserDetails(UserCredentialsView user) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.userId().value();
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }

    /** The user as a query viewer (roles, operator, data scope). */
    public Viewer viewer() {
        return new Viewer("user:" + user.userId().value(), user.roles(), user.operatorId(), user.scope());
    }
}
