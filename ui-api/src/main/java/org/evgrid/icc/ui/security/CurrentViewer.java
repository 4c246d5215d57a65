package org.evgrid.icc.ui.security;

import org.evgrid.icc.coreapi.common.ErrorCategory;
import org.evgrid.icc.coreapi.common.IccException;
import org.evgrid.icc.coreapi.security.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The viewer of the current request, for queries that enforce data scope. */
public final class CurrentViewer {

    private CurrentViewer() {
    }

    /** The current request's viewer; refuses if nobody is authenticated. */
    public static Viewer get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Viewer v) {
            return v;
        }
        if (auth != null && auth.getPrincipal() instanceof IccUserDetails u) {
            return u.viewer();
        }
        throw new IccException("ICC-AUTH-REQUIRED", ErrorCategory.UNAUTHENTICATED, null, "请先登录或对请求签名",
                "Sign in or sign the request first", "Use HTTP Basic with your user account, or the X-ICC-* signed request headers");
    }
}
