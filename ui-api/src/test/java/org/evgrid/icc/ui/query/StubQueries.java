package org.evgrid.icc.ui.query;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.evgrid.icc.coreapi.archive.OperatorId;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.Role;
import org.evgrid.icc.coreapi.security.Viewer;
import org.evgrid.icc.ui.problem.ProblemAdvice;
import org.evgrid.icc.ui.security.ViewerAuthentication;
import org.hamcrest.Matchers;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A query gateway that records the queries asked and answers them from canned answers (none: null), for testing what
 * the controllers ask and what they refuse before asking. No store is involved.
 */
public final class StubQueries {

    /** The viewer the tests sign in as: a trader at headquarters. */
    public static final Viewer TRADER = new Viewer("u-trader", Set.of(Role.TRADER), null, DataScope.HEADQUARTERS);
    /** An operator platform of operator OP-1. */
    public static final Viewer PLATFORM = new Viewer("key-OP-1", Set.of(Role.OPERATOR_PLATFORM), new OperatorId("OP-1"),
            DataScope.HEADQUARTERS);

    private final List<Object> asked = new ArrayList<>();
    private final Map<Class<?>, Function<Object, Object>> answers = new HashMap<>();

    /** Answers every query of a type with {@code answer}. */
    public StubQueries answer(Class<?> queryType, Object answer) {
        answers.put(queryType, q -> answer);
        return this;
    }

    /** The queries asked so far, in order. */
    public List<Object> asked() {
        return asked;
    }

    /** The gateway. */
    public QueryGateway gateway() {
        return (QueryGateway) Proxy.newProxyInstance(QueryGateway.class.getClassLoader(), new Class<?>[] {QueryGateway.class},
                (proxy, method, args) -> {
                    if (!"query".equals(method.getName())) {
                        throw new UnsupportedOperationException("the stub answers point-to-point queries only: " + method.getName());
                    }
                    Object query = null;
                    for (Object arg : args) {
                        if (!(arg instanceof String) && !(arg instanceof ResponseType) && !(arg instanceof Class)) {
                            query = arg;
                        }
                    }
                    asked.add(query);
                    Function<Object, Object> answer = answers.get(query.getClass());
                    return CompletableFuture.completedFuture(answer == null ? null : answer.apply(query));
                });
    }

    /** The asker over this gateway. */
    public QueryAsker asker() {
        return new QueryAsker(gateway());
    }

    /** MockMvc over one controller with the problem advice, signed in as {@code viewer}. */
    public static MockMvc mvc(Object controller, Viewer viewer) {
        SecurityContextHolder.getContext().setAuthentication(new ViewerAuthentication(viewer));
        return MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new ProblemAdvice()).build();
    }

    /** Forgets the signed-in viewer. */
    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Asserts a problem detail: status, stable code, field, both messages and a fix. */
    public static void assertProblem(ResultActions result, int status, String code, String field) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.messageZh", Matchers.not(Matchers.emptyOrNullString())))
                .andExpect(jsonPath("$.messageEn", Matchers.not(Matchers.emptyOrNullString())))
                .andExpect(jsonPath("$.fix", Matchers.not(Matchers.emptyOrNullString())));
    }
}
