package org.evgrid.icc.command.security;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.evgrid.icc.command.common.IccCommandTargetResolver;
import org.evgrid.icc.command.common.StreamIds;
import org.evgrid.icc.command.common.Refusal;
import org.evgrid.icc.command.common.Texts;
import org.evgrid.icc.command.security.internal.RoleRules;
import org.evgrid.icc.coreapi.security.ChangePasswordCommand;
import org.evgrid.icc.coreapi.security.DataScope;
import org.evgrid.icc.coreapi.security.DisableUserCommand;
import org.evgrid.icc.coreapi.security.RegisterUserCommand;
import org.evgrid.icc.coreapi.security.UserDisabledEvent;
import org.evgrid.icc.coreapi.security.UserId;
import org.evgrid.icc.coreapi.security.UserPasswordChangedEvent;
import org.evgrid.icc.coreapi.security.UserRegisteredEvent;

/**
 * A console user: display name, roles (mutually exclusive administrative roles, R-8.2d), data scope and a bcrypt
 * password hash computed by the client. A repeated user id is refused with {@code ICC-USER-EXISTS}.
 */
@Aggregate(commandTargetResolver = IccCommandTargetResolver.BEAN_NAME)
public class UserAccount {

    /** A bcrypt hash as produced by common libraries: {@code $2a$}, {@code $2b$} or {@code $2y$}, cost, salt and hash. */
    public static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    @AggregateIdentifier
    private String streamId;
    private UserId userId;
    private boolean disabled;

    /** For Axon. */
    public UserAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterUserCommand command) {
        if (userId != null) {
            throw Refusal.conflict("ICC-USER-EXISTS", "userId",
                    "用户 " + userId + " 已存在", "User " + userId + " already exists",
                    "Choose another user id").exception();
        }
        String displayName = Texts.required(command.displayName(), "displayName", "显示名称", "display name", 50);
        RoleRules.check(command.roles(), "roles");
        checkHash(command.passwordHash());
        DataScope scope = command.scope() == null ? DataScope.HEADQUARTERS : command.scope();
        apply(new UserRegisteredEvent(command.userId(), displayName, Set.copyOf(command.roles()), scope, command.operatorId(),
                command.passwordHash()));
    }

    /**
     * A new password (bcrypt hash) for the user; the center checked the policy and the recent passwords before signing.
     * A disabled user cannot change the password ({@code ICC-USER-DISABLED}).
     */
    @CommandHandler
    public void handle(ChangePasswordCommand command) {
        if (disabled) {
            throw Refusal.conflict("ICC-USER-DISABLED", "userId",
                    "用户 " + userId + " 已被停用，不能修改密码", "User " + userId + " is disabled and cannot change the password",
                    "Ask the system administrator to register a new account").exception();
        }
        checkHash(command.passwordHash());
        apply(new UserPasswordChangedEvent(userId, command.passwordHash()));
    }

    private static void checkHash(String hash) {
        if (hash == null || !BCRYPT.matcher(hash).matches()) {
            throw Refusal.invalid("ICC-USER-PASSWORD-HASH-INVALID", "passwordHash",
                    "密码摘要格式不正确：应为 bcrypt 摘要（以 $2a$、$2b$ 或 $2y$ 开头，共 60 个字符）",
                    "The password hash is malformed: a bcrypt hash of 60 characters starting with $2a$, $2b$ or $2y$ is expected",
                    "Let the console compute the bcrypt hash of the password; never send the password itself").exception();
        }
    }

    @CommandHandler
    public void handle(DisableUserCommand command) {
        if (disabled) {
            throw Refusal.conflict("ICC-USER-ALREADY-DISABLED", "userId",
                    "用户 " + userId + " 已被停用", "User " + userId + " is already disabled",
                    "Nothing to do").exception();
        }
        String reason = Texts.optional(command.reason(), "reason", "停用原因", "reason", 200);
        apply(new UserDisabledEvent(userId, reason));
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        streamId = StreamIds.of(event.userId());
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(UserDisabledEvent event) {
        disabled = true;
    }
}
