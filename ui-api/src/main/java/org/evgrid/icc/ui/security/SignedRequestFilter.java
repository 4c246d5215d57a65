package org.evgrid.icc.ui.security;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.AuthenticateSignedRequestQuery;
import org.evgrid.icc.coreapi.security.KeyId;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.ui.problem.ProblemAdvice;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine clients by a signed request: headers {@code X-ICC-Key-Id}, {@code X-ICC-Timestamp},
 * {@code X-ICC-Nonce}, {@code X-ICC-Signature} over {@code METHOD \n path?query \n timestamp \n nonce}.
 */
public class SignedRequestFilter extends OncePerRequestFilter {

    public static final String KEY_ID = "X-ICC-Key-Id";
    public static final String TIMESTAMP = "X-ICC-Timestamp";
    public static final String NONCE = "X-ICC-Nonce";
    public static final String SIGNATURE = "X-ICC-Signature";

    private final QueryGateway queryGateway;
    private final ProblemWriter problemWriter;

    public SignedRequestFilter(QueryGateway queryGateway, ProblemWriter problemWriter) {
        this.queryGateway = queryGateway;
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String keyId = request.getHeader(KEY_ID);
        if (keyId == null) {
            chain.doFilter(request, response);
            return;
        }
        String pathAndQuery = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            Viewer viewer = queryGateway.query(new AuthenticateSignedRequestQuery(request.getMethod(), pathAndQuery, new KeyId(keyId),
                            request.getHeader(TIMESTAMP), request.getHeader(NONCE), request.getHeader(SIGNATURE)),
                    ResponseTypes.instanceOf(Viewer.class)).get(10, TimeUnit.SECONDS);
            SecurityContextHolder.getContext().setAuthentication(new ViewerAuthentication(viewer));
        } catch (IccException e) {
            problemWriter.write(response, ProblemAdvice.toProblem(e));
            return;
        } catch (ExecutionException e) {
            problemWriter.write(response, ProblemAdvice.toProblem(e.getCause()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problemWriter.write(response, ProblemAdvice.toProblem(e));
            return;
        } catch (TimeoutException e) {
            problemWriter.write(response, ProblemAdvice.toProblem(e));
            return;
        }
        chain.doFilter(request, response);
    }
}
