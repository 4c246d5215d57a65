package org.evgrid.icc.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.evgrid.icc.ui.security.RequestGuardFilter.ControlCharacters;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestGuardFilterTest {

    private final ProblemWriter problems = new ProblemWriter(new ObjectMapper());

    @Test
    void control_characters_in_a_query_parameter_are_named() {
        assertThat(ControlCharacters.offendingParameter("/api/v1/piles", "operatorId=OP-1&name=a%00b")).isEqualTo("name");
        assertThat(ControlCharacters.offendingParameter("/api/v1/piles", "q=%1B%5B31m")).isEqualTo("q");
        assertThat(ControlCharacters.offendingParameter("/api/v1/piles%07", null)).isEqualTo("path");
    }

    @Test
    void tabs_line_breaks_and_chinese_text_pass() {
        assertThat(ControlCharacters.offendingParameter("/api/v1/piles", "note=a%09b%0D%0Ac&name=%E5%85%85%E7%94%B5%E6%A1%A9+1")).isNull();
        assertThat(ControlCharacters.offendingParameter("/api/v1/piles", null)).isNull();
        assertThat(ControlCharacters.offendingParameter("/api/v1/piles", "broken=%zz")).isNull();
    }

    @Test
    void a_control_character_is_refused_with_a_problem_naming_the_parameter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/alarms");
        request.setQueryString("level=%00");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new RequestGuardFilter(null, problems).doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("ICC-REQ-CONTROL-CHAR").contains("\"field\":\"level\"");
        assertThat(chain.getRequest()).as("the request goes no further").isNull();
    }

    @Test
    void api_answers_carry_the_hardening_headers_and_other_paths_do_not() throws Exception {
        MockHttpServletResponse api = new MockHttpServletResponse();
        new RequestGuardFilter(null, problems).doFilter(new MockHttpServletRequest("GET", "/api/v1/alarms"), api, new MockFilterChain());
        assertThat(api.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(api.getHeader("Cache-Control")).isEqualTo("no-store");
        MockHttpServletResponse swagger = new MockHttpServletResponse();
        new RequestGuardFilter(null, problems).doFilter(new MockHttpServletRequest("GET", "/swagger-ui/index.html"), swagger,
                new MockFilterChain());
        assertThat(swagger.getHeader("Content-Security-Policy")).isNull();
    }

    @Test
    void a_signed_command_counts_against_its_key_and_its_body_still_reaches_the_controller() throws Exception {
        Clock still = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
        RequestGuardFilter filter = new RequestGuardFilter(new TokenBuckets(1, 1, still), problems);
        MockFilterChain first = new MockFilterChain();
        filter.doFilter(command("key-a"), new MockHttpServletResponse(), first);
        assertThat(new String(first.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("\"keyId\":\"key-a\"");
        MockFilterChain other = new MockFilterChain();
        filter.doFilter(command("key-b"), new MockHttpServletResponse(), other);
        assertThat(other.getRequest()).as("another key has its own bucket").isNotNull();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(command("key-a"), refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("ICC-REQ-RATE-LIMIT").contains("messageZh");
    }

    @Test
    void clients_are_told_apart_by_key_then_user_then_address() {
        MockHttpServletRequest signed = new MockHttpServletRequest("GET", "/api/v1/alarms");
        signed.addHeader(SignedRequestFilter.KEY_ID, "key-x");
        assertThat(RequestGuardFilter.clientOf(signed)).isEqualTo("key:key-x");
        MockHttpServletRequest basic = new MockHttpServletRequest("GET", "/api/v1/alarms");
        basic.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(RequestGuardFilter.clientOf(basic)).isEqualTo("user:auditor");
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/api/v1/alarms");
        anonymous.setRemoteAddr("10.1.2.3");
        assertThat(RequestGuardFilter.clientOf(anonymous)).isEqualTo("addr:10.1.2.3");
        assertThat(RequestGuardFilter.keyIdOf("{\"commandType\":\"X\",\"payload\":{\"keyId\":\"inner\"},\"keyId\":\"outer\"}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("outer");
        assertThat(RequestGuardFilter.keyIdOf("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    private static MockHttpServletRequest command(String keyId) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/commands");
        request.setContentType("application/json");
        request.setContent(("{\"commandType\":\"RegisterPile\",\"payload\":{},\"keyId\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
