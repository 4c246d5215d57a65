package org.evgrid.icc.ui.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.evgrid.icc.ui.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit (413, as a problem detail) before anything reads them: by the declared
 * Content-Length, and for bodies without one by counting while they are read. The largest legitimate body is a
 * bulk import of 1,000 piles (about 250 KB).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** The limit: 2 MiB. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private final ProblemWriter problems;

    public RequestSizeLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Limited(request), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(response);
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        problems.write(response, problem());
    }

    /** Thrown when a body without Content-Length grows past the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body too large");
        }
    }

    /** The problem for a body over the limit. */
    public static org.springframework.http.ProblemDetail problem() {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "ICC-REQ-TOO-LARGE", null,
                "请求内容超过 2 MB 上限", "The request body exceeds the 2 MB limit",
                "Split the data into smaller batches (at most 1,000 items per command)", null);
    }

    /** A request whose body stream stops at the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > MAX_BYTES) {
                        throw new TooLarge();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0 && (read += n) > MAX_BYTES) {
                        throw new TooLarge();
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
