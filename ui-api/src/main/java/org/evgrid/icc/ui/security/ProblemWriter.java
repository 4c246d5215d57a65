package org.evgrid.icc.ui.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes a problem detail straight to a servlet response (for filters, which run outside MVC). */
@Component
public class ProblemWriter {

    /** Every problem answer names its stable code in this header too (for logs and the audit log, which see no body). */
    public static final String CODE_HEADER = "X-ICC-Problem-Code";

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes the problem as {@code application/problem+json}. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        if (code != null) {
            response.setHeader(CODE_HEADER, code.toString());
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
