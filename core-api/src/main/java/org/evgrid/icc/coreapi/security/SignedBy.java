package org.evgrid.icc.coreapi.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles whose keys may sign a command. A command without this annotation cannot be sent through the signed path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SignedBy {

    /** The roles allowed to sign the command. */
    Role[] value();
}
