package org.evgrid.icc.ui.command;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.common.Identifier;
import org.evgrid.icc.coreapi.security.CommandTypes;
import org.evgrid.icc.coreapi.security.SignatureMetadata;
import org.evgrid.icc.ui.problem.ProblemAdvice;
import org.evgrid.icc.ui.security.RequestLogContext;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Turns a signed envelope into a command message and sends it. The envelope (without its signature) and the signature
 * travel in the command's metadata; the verifying interceptor on the command bus checks them before any handler runs
 * and refuses the command, leaving no event, if anything is wrong. This is the one path for every signed command:
 * REST, the demo loader and the benchmark harness all use it.
 */
@Service
public class SignedCommandService {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway commandGateway;
    private final ObjectMapper strictMapper;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SignedCommandService(CommandGateway commandGateway, ObjectMapper objectMapper, Clock clock) {
        this.commandGateway = commandGateway;
        this.mapper = objectMapper;
        this.strictMapper = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.clock = clock;
    }

    /**
     * Sends a signed command and waits for its outcome.
     *
     * @param request the envelope as received
     * @param clientAddress where it came from (recorded with its events)
     * @return the receipt
     * @throws IccException when the envelope or command is refused
     */
    public CommandReceipt send(CommandEnvelopeRequest request, String clientAddress) {
        MDC.put(RequestLogContext.OPERATION, "command " + request.commandType());
        MDC.put(RequestLogContext.USER, "key:" + request.keyId());
        Class<?> type = CommandTypes.byName(request.commandType()).orElseThrow(() -> IccException.invalid("ICC-SIG-TYPE", "commandType",
                "未知的指令类型“" + request.commandType() + "”", "Unknown command type '" + request.commandType() + "'",
                "Use one of the command types listed in the API documentation, e.g. RegisterPile"));
        Object command = toCommand(request, type);
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("commandType", request.commandType());
        envelope.set("payload", request.payload());
        envelope.put("keyId", request.keyId());
        envelope.put("algorithm", request.algorithm().name());
        envelope.put("timestamp", request.timestamp());
        envelope.put("nonce", request.nonce());
        Map<String, Object> metadata = Map.of(
                SignatureMetadata.ENVELOPE, envelope.toString(),
                SignatureMetadata.SIGNATURE, request.signature(),
                SignatureMetadata.CLIENT_ADDRESS, clientAddress == null ? "unknown" : clientAddress);
        Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata),
                TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new CommandReceipt(request.commandType(), shown(result), request.keyId(), request.nonce(), clock.instant());
    }

    /** A handler's answer as the receipt shows it: an identifier as its string, a record as a JSON object, else its text. */
    private Object shown(Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof Identifier id) {
            return id.value();
        }
        if (result instanceof Record) {
            return mapper.valueToTree(result);
        }
        return result.toString();
    }

    private Object toCommand(CommandEnvelopeRequest request, Class<?> type) {
        if (!request.payload().isObject()) {
            throw IccException.invalid("ICC-REQ-PAYLOAD", "payload", "指令内容 payload 必须是 JSON 对象", "The payload must be a JSON object",
                    "Send the command's fields as a JSON object");
        }
        try {
            return strictMapper.treeToValue(request.payload(), type);
        } catch (JsonMappingException e) {
            String path = ProblemAdvice.fieldPath(e);
            String field = path == null ? "payload" : "payload." + path;
            if (e.getCause() instanceof IccException icc) {
                throw new IccException(icc.code(), icc.category(), field, icc.messageZh(), icc.messageEn(), icc.fix(), icc.items());
            }
            throw IccException.invalid("ICC-REQ-PAYLOAD", field, "指令字段“" + field + "”缺失、多余或格式不对",
                    "Command field '" + field + "' is missing, unknown or malformed",
                    "Send exactly the fields of the " + request.commandType() + " schema in the API documentation");
        } catch (JsonProcessingException e) {
            throw IccException.invalid("ICC-REQ-PAYLOAD", "payload", "指令内容无法解析", "The payload cannot be read",
                    "Send the command's fields as a JSON object");
        }
    }
}
