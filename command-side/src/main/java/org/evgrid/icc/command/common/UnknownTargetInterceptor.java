package org.evgrid.icc.command.common;

import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.evgrid.icc.coreapi.archive.DecommissionPileCommand;
import org.evgrid.icc.coreapi.archive.ReinstateOperatorCommand;
import org.evgrid.icc.coreapi.archive.SuspendOperatorCommand;
import org.evgrid.icc.coreapi.archive.UpdateOperatorCommand;
import org.evgrid.icc.coreapi.archive.UpdatePileCommand;
import org.evgrid.icc.coreapi.archive.UpdateStationCommand;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.DisableUserCommand;
import org.evgrid.icc.coreapi.security.RevokeSignerKeyCommand;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns "no such aggregate" on a command addressed to an existing object (update, suspend, revoke, …) into a refusal
 * in business language: NOT_FOUND with the code of the addressed kind of object (e.g. {@code ICC-PILE-UNKNOWN}).
 * Registered on the command bus as a handler interceptor (Axon's Spring Boot auto-configuration registers every
 * {@code MessageHandlerInterceptor<CommandMessage<?>>} bean).
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@Component
public class UnknownTargetInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private record Target(String code, String field, String nameZh, String nameEn) {
    }

    private static final Target KEY = new Target("ICC-KEY-UNKNOWN", "keyId", "签名密钥", "Signing key");
    private static final Target USER = new Target("ICC-USER-UNKNOWN", "userId", "用户", "User");
    private static final Target OPERATOR = new Target("ICC-OPERATOR-UNKNOWN", "operatorId", "运营商", "Operator");
    private static final Target STATION = new Target("ICC-STATION-UNKNOWN", "stationId", "充电站", "Station");
    private static final Target PILE = new Target("ICC-PILE-UNKNOWN", "pileId", "充电桩", "Pile");
    private static final Target OTHER = new Target("ICC-TARGET-UNKNOWN", null, "操作对象", "The addressed object");

    private static final Map<Class<?>, Target> TARGETS = Map.of(
            RevokeSignerKeyCommand.class, KEY,
            DisableUserCommand.class, USER,
            UpdateOperatorCommand.class, OPERATOR,
            SuspendOperatorCommand.class, OPERATOR,
            ReinstateOperatorCommand.class, OPERATOR,
            UpdateStationCommand.class, STATION,
            UpdatePileCommand.class, PILE,
            DecommissionPileCommand.class, PILE);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException e) {
            throw refusal(unitOfWork.getMessage().getPayloadType(), StreamIds.valueOf(String.valueOf(e.getAggregateIdentifier())));
        }
    }

    static IccException refusal(Class<?> commandType, String id) {
        Target target = TARGETS.getOrDefault(commandType, OTHER);
        return IccException.notFound(target.code(), target.field(),
                target.nameZh() + " " + id + " 不存在",
                target.nameEn() + " " + id + " does not exist",
                "Check the identifier, or register the object first");
    }
}
