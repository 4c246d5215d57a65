package org.evgrid.icc.ui.security;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.FindUserCredentialsQuery;
import org.evgrid.icc.coreapi.security.UserCredentialsView;
import org.evgrid.icc.coreapi.security.UserId;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Console users, as registered by signed {@code RegisterUser} commands. */
public class IccUserDetailsService implements UserDetailsService {

    private final QueryGateway queryGateway;

    public IccUserDetailsService(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserId id;
        try {
            id = new UserId(username);
        } catch (IccException e) {
            throw new UsernameNotFoundException("malformed user name");
        }
        try {
            UserCredentialsView user = queryGateway.query(new FindUserCredentialsQuery(id), ResponseTypes.instanceOf(UserCredentialsView.class))
                    .get(10, TimeUnit.SECONDS);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return new IccUserDetails(user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsernameNotFoundException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new UsernameNotFoundException("user directory not available", e);
        }
    }
}
