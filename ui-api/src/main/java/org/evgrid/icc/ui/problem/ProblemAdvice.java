package org.evgrid.icc.ui.problem;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.common.AxonException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.evgrid.icc.coreapi.common.ErrorDetails;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.ItemError;
import org.evgrid.icc.ui.security.RequestSizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.evgrid.icc.ui.security.ProblemWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a request into an RFC 7807 problem detail in business language. Bad input is a 4xx with the
 * field and the fix; an unexpected failure is a 500 that shows only a trace id (the cause goes to the error log).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Handles every exception that reaches the MVC layer. */
    @ExceptionHandler(Throwable.class)
    public ResponseEntity<ProblemDetail> handle(Throwable failure) {
        if (clientGone(failure)) {
            // a client that left (e.g. closed a live stream) gets no answer and is no failure of ours
            LOG.debug("Client disconnected: {}", failure.toString());
            return null;
        }
        ProblemDetail pd = toProblem(failure);
        Object code = pd.getProperties() == null ? null : pd.getProperties().get("code");
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (code != null) {
            answer.header(ProblemWriter.CODE_HEADER, code.toString());
        }
        return answer.body(pd);
    }

    private static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /** The problem detail for a failure (also used by the security layer's entry points). */
    public static ProblemDetail toProblem(Throwable failure) {
        Optional<IccException> refusal = refusalIn(failure);
        if (refusal.isPresent()) {
            return Problems.of(refusal.get());
        }
        if (failure instanceof MethodArgumentNotValidException e) {
            List<ItemError> items = new ArrayList<>();
            for (FieldError fe : e.getBindingResult().getFieldErrors()) {
                items.add(new ItemError(-1, null, fe.getField(), "ICC-REQ-FIELD-INVALID", "字段“" + fe.getField() + "”不符合要求：" + fe.getDefaultMessage(),
                        "Field '" + fe.getField() + "' is invalid: " + fe.getDefaultMessage()));
            }
            String field = items.isEmpty() ? null : items.get(0).field();
            return Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-FIELD-INVALID", field,
                    "请求中有字段不符合要求" + (field == null ? "" : "：" + field), "The request has invalid fields" + (field == null ? "" : ": " + field),
                    "Correct the listed fields and send the request again", items);
        }
        if (failure instanceof HandlerMethodValidationException e) {
            String field = e.getParameterValidationResults().isEmpty() ? null
                    : e.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
            return Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-PARAM-INVALID", field, "请求参数“" + field + "”取值超出允许范围",
                    "Request parameter '" + field + "' is out of its allowed range", "See the API documentation for the allowed values", null);
        }
        if (failure instanceof ConstraintViolationException e) {
            String field = e.getConstraintViolations().stream().findFirst().map(v -> v.getPropertyPath().toString()).orElse(null);
            return Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-PARAM-INVALID", field, "请求参数取值超出允许范围：" + field,
                    "A request parameter is out of its allowed range: " + field, "See the API documentation for the allowed values", null);
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.TooLarge) {
                return RequestSizeLimitFilter.problem();
            }
        }
        if (failure instanceof HttpMessageNotReadableException e) {
            String field = fieldPath(e.getCause());
            return Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-MALFORMED", field,
                    "请求内容无法解析" + (field == null ? "：不是合法的 JSON" : "：字段“" + field + "”的值类型或格式不对"),
                    "The request body cannot be read" + (field == null ? ": it is not valid JSON" : ": field '" + field + "' has a wrong type or format"),
                    "Send a JSON body as described in the API documentation (/swagger-ui/index.html)", null);
        }
        if (failure instanceof MissingServletRequestParameterException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-PARAM-MISSING", e.getParameterName(), "缺少请求参数“" + e.getParameterName() + "”",
                    "Request parameter '" + e.getParameterName() + "' is missing", "Add the parameter to the request", null);
        }
        if (failure instanceof MissingRequestHeaderException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-HEADER-MISSING", e.getHeaderName(), "缺少请求头“" + e.getHeaderName() + "”",
                    "Request header '" + e.getHeaderName() + "' is missing", "Add the header to the request", null);
        }
        if (failure instanceof MethodArgumentTypeMismatchException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "ICC-REQ-PARAM-INVALID", e.getName(), "请求参数“" + e.getName() + "”的值无法识别",
                    "Request parameter '" + e.getName() + "' has a value that is not understood", fixOf(e.getRequiredType()), null);
        }
        if (failure instanceof HttpMediaTypeNotSupportedException) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "ICC-REQ-MEDIA-TYPE", null, "请求内容类型不受支持，应为 application/json",
                    "Unsupported content type: send application/json", "Set the Content-Type header to application/json", null);
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(HttpStatus.NOT_ACCEPTABLE, "ICC-REQ-NOT-ACCEPTABLE", null, "无法按所要求的格式回答，只提供 JSON",
                    "The requested response format is not available; only JSON is served", "Accept application/json", null);
        }
        if (failure instanceof HttpRequestMethodNotSupportedException e) {
            return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "ICC-REQ-METHOD", null, "该地址不支持 " + e.getMethod() + " 请求",
                    "This address does not accept " + e.getMethod(), "See the API documentation for the methods of this address", null);
        }
        if (failure instanceof NoResourceFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "ICC-REQ-NO-ROUTE", null, "请求的地址不存在", "No such address",
                    "See the API documentation (/swagger-ui/index.html) for the available addresses", null);
        }
        if (failure instanceof AggregateNotFoundException e) {
            return Problems.of(HttpStatus.NOT_FOUND, "ICC-NOT-FOUND", null, "要修改的对象不存在：" + e.getAggregateIdentifier(),
                    "The object to change does not exist: " + e.getAggregateIdentifier(), "Check the identifier, or register the object first", null);
        }
        if (failure instanceof ConcurrencyException) {
            return Problems.of(HttpStatus.CONFLICT, "ICC-CONCURRENT-CHANGE", null, "该对象已存在或正被另一操作修改，本次未做任何更改",
                    "The object already exists or is being changed by another operation; nothing was changed",
                    "Query the object's current state and send the command again if still needed", null);
        }
        if (failure instanceof NoHandlerForCommandException || failure instanceof NoHandlerForQueryException) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ICC-UNAVAILABLE", null, "服务暂不可用，请稍后重试",
                    "The service is not available right now; try again later", "Try again in a minute; if it persists, call the operations team",
                    null);
        }
        if (fromAxonServer(failure)) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ICC-UNAVAILABLE", null, "事件存储或消息服务暂不可用，本次未做任何更改",
                    "The event store or message service is not reachable; nothing was changed", "Try again later; operations: check Axon Server",
                    null);
        }
        if (failure instanceof AxonTimeoutException) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ICC-TIMEOUT", null, "处理超时，已停止，本次未做任何更改",
                    "The request took longer than allowed and was stopped; nothing was changed",
                    "Try again later, or narrow the request (a smaller page or range)", null);
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && !(failure instanceof AxonException)) {
            ProblemDetail inner = toProblem(cause);
            if (inner.getStatus() != HttpStatus.INTERNAL_SERVER_ERROR.value()) {
                return inner;
            }
        }
        String trace = Long.toHexString(System.nanoTime());
        LOG.error("Unexpected failure, trace {}", trace, failure);
        ProblemDetail pd = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "ICC-INTERNAL", null, "系统内部错误，本次请求未完成，请联系运维人员并提供追踪号 " + trace,
                "Internal error; the request was not completed. Contact operations with trace " + trace,
                "Try again later; if it persists, report the trace number", null);
        pd.setProperty("trace", trace);
        return pd;
    }

    /** How to correct a parameter of a type that did not parse: the date format, or the values of an enumeration. */
    private static String fixOf(Class<?> type) {
        if (type == LocalDate.class) {
            return "Give a date as yyyy-MM-dd, e.g. 2026-12-01";
        }
        if (type == Instant.class) {
            return "Give a UTC instant as yyyy-MM-ddTHH:mm:ssZ, e.g. 2026-12-01T00:00:00Z";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "Give a whole number";
        }
        if (type != null && type.isEnum()) {
            return "Give one of: " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        return "See the API documentation for the allowed values";
    }

    /** Whether the failure (or a cause) comes from the Axon Server connection: the store is not reachable. */
    private static boolean fromAxonServer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("io.axoniq.axonserver.") || name.startsWith("org.axonframework.axonserver.")) {
                return true;
            }
        }
        return false;
    }

    /** Finds a business refusal in a failure: itself, a cause, or the details of a remote handler failure. */
    static Optional<IccException> refusalIn(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof IccException icc) {
                return Optional.of(icc);
            }
            if (t instanceof HandlerExecutionException hee) {
                Optional<Object> details = hee.getDetails();
                if (details.isPresent() && details.get() instanceof ErrorDetails d) {
                    return Optional.of(IccException.from(d));
                }
            }
            if (t instanceof JsonMappingException jme && jme.getCause() instanceof IccException icc) {
                String path = fieldPath(jme);
                return Optional.of(new IccException(icc.code(), icc.category(), path != null ? path : icc.field(), icc.messageZh(),
                        icc.messageEn(), icc.fix(), icc.items()));
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return Optional.empty();
    }

    /** The path of the field a JSON mapping failure is about ({@code a.b[2].c}), or null. */
    public static String fieldPath(Throwable t) {
        if (!(t instanceof JsonMappingException jme) || jme.getPath().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : jme.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
