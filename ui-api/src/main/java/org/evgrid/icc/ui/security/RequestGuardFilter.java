package org.evgrid.icc.ui.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.evgrid.icc.ui.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request hardening (R-8.2a), before authentication: API answers get {@code X-Content-Type-Options: nosniff},
 * {@code Content-Security-Policy: default-src 'none'} and {@code Cache-Control: no-store}; a path or query parameter
 * with a control character (other than tab, CR, LF) is refused (400, naming the parameter); each client gets a token
 * bucket ({@link TokenBuckets}) and is refused with 429 and {@code Retry-After} when it is empty. The client is the
 * signing key (the {@code X-ICC-Key-Id} header, or the {@code keyId} of a signed command's envelope), else the HTTP Basic
 * user, else the remote address. Request sizes are limited by {@link RequestSizeLimitFilter}.
 */
public class RequestGuardFilter extends OncePerRequestFilter {

    private static final String COMMANDS = "/api/v1/commands";
    private static final JsonFactory JSON = new JsonFactory();

    private final TokenBuckets buckets;
    private final ProblemWriter problems;

    /**
     * @param buckets the per-client limits, or null for no rate limit
     * @param problems writes refusals
     */
    public RequestGuardFilter(TokenBuckets buckets, ProblemWriter problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI() == null ? "" : request.getRequestURI();
        if (path.startsWith("/api/")) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        String bad = ControlCharacters.offendingParameter(path, request.getQueryString());
        if (bad != null) {
            problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-CONTROL-CHAR", bad,
                    "请求参数“" + bad + "”含有不允许的控制字符", "Request parameter '" + bad + "' contains a control character",
                    "Remove control characters (other than tab and line breaks) from the value", null));
            return;
        }
        HttpServletRequest forward = request;
        if (buckets != null) {
            String client;
            if ("POST".equals(request.getMethod()) && COMMANDS.equals(path) && request.getHeader(SignedRequestFilter.KEY_ID) == null) {
                Buffered buffered = Buffered.of(request);
                forward = buffered == null ? request : buffered;
                String keyId = buffered == null ? null : keyIdOf(buffered.body);
                client = keyId == null ? "addr:" + request.getRemoteAddr() : "key:" + keyId;
            } else {
                client = clientOf(request);
            }
            long wait = buckets.take(client);
            if (wait > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "ICC-REQ-RATE-LIMIT", null,
                        "请求过于频繁，请稍后再试", "Too many requests from this client",
                        "Wait " + wait + " second(s) (see Retry-After) and send the request again; spread requests out or batch them",
                        null));
                return;
            }
        }
        chain.doFilter(forward, response);
    }

    /** The rate-limit key of a request other than a signed command: its key id, its Basic user, else its address. */
    static String clientOf(HttpServletRequest request) {
        String keyId = request.getHeader(SignedRequestFilter.KEY_ID);
        if (keyId != null) {
            return "key:" + keyId;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return "user:" + decoded.substring(0, colon);
                }
            } catch (IllegalArgumentException e) {
                return "addr:" + request.getRemoteAddr();
            }
        }
        return "addr:" + request.getRemoteAddr();
    }

    /** The top-level {@code keyId} of a JSON envelope, or null. */
    static String keyIdOf(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("keyId".equals(name) && value == JsonToken.VALUE_STRING) {
                    String id = p.getText();
                    return id.length() > 64 ? id.substring(0, 64) : id;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Where control characters are refused: the path and the query parameters. */
    static final class ControlCharacters {

        private ControlCharacters() {
        }

        /** The name of the first parameter (or "path") with a control character, or null. */
        static String offendingParameter(String rawPath, String rawQuery) {
            if (hasControl(decode(rawPath, false))) {
                return "path";
            }
            if (rawQuery == null || rawQuery.isEmpty()) {
                return null;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                if (hasControl(name) || hasControl(value)) {
                    return hasControl(name) ? "query" : name;
                }
            }
            return null;
        }

        static boolean hasControl(String text) {
            if (text == null) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                    return true;
                }
            }
            return false;
        }

        private static String decode(String raw, boolean plusIsSpace) {
            if (raw == null) {
                return null;
            }
            try {
                return URLDecoder.decode(plusIsSpace ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return raw;
            }
        }
    }

    /** A request whose body was read once (within the size limit) and is replayed to the rest of the chain. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        private Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        /** Reads the body when it has a length within the size limit; null otherwise (the request goes on unread). */
        static Buffered of(HttpServletRequest request) throws IOException {
            long length = request.getContentLengthLong();
            if (length < 0 || length > RequestSizeLimitFilter.MAX_BYTES) {
                return null;
            }
            return new Buffered(request, request.getInputStream().readNBytes((int) length));
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return body.length == 0 || available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
