package org.evgrid.icc.ui.security.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** With {@code sessions-only} a password opens a session or changes itself, nothing else; {@code always} lets it through. */
class BasicAuthPolicyFilterTest {

    private static final String BASIC = "Basic dHJhZGVyOkRlbW8jMjAyNmljYw==";

    private static MockHttpServletResponse run(BasicAuthPolicyFilter.Policy policy, String method, String path, String authorization)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new BasicAuthPolicyFilter(policy, new ProblemWriter(new ObjectMapper())).doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void sessionsOnlyRefusesAPasswordAnywhereButSignInAndPasswordChange() throws Exception {
        MockHttpServletResponse refused = run(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY, "GET", "/api/v1/piles", BASIC);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getHeader(ProblemWriter.CODE_HEADER)).isEqualTo("ICC-AUTH-SESSION-REQUIRED");
        assertThat(refused.getContentAsString()).contains("POST /api/v1/sessions", "messageZh", "fix");
        assertThat(run(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY, "GET", "/api/v1/sessions", BASIC).getStatus()).isEqualTo(401);
        assertThat(run(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY, "POST", "/api/v1/sessions/challenges", BASIC).getStatus())
                .isEqualTo(401);

        assertThat(run(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY, "POST", "/api/v1/sessions", BASIC).getStatus()).isEqualTo(200);
        assertThat(run(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY, "POST", "/api/v1/me/password", BASIC).getStatus()).isEqualTo(200);
        assertThat(run(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY, "GET", "/api/v1/piles", "Bearer iccs_x").getStatus()).isEqualTo(200);
        assertThat(run(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY, "GET", "/api/v1/piles", null).getStatus()).isEqualTo(200);
    }

    @Test
    void alwaysLetsAPasswordThroughAndThePolicyIsReadFromItsSetting() throws Exception {
        assertThat(run(BasicAuthPolicyFilter.Policy.ALWAYS, "GET", "/api/v1/piles", BASIC).getStatus()).isEqualTo(200);
        assertThat(BasicAuthPolicyFilter.Policy.parse("sessions-only")).isEqualTo(BasicAuthPolicyFilter.Policy.SESSIONS_ONLY);
        assertThat(BasicAuthPolicyFilter.Policy.parse(" Always ")).isEqualTo(BasicAuthPolicyFilter.Policy.ALWAYS);
        assertThatThrownBy(() -> BasicAuthPolicyFilter.Policy.parse("never")).hasMessageContaining("icc.security.basic-auth");
    }
}
