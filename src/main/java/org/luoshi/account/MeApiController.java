package org.luoshi.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.luoshi.web.ApiController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;

/** Who the caller is: lets an API client check its token and learn its scope. */
@ApiController("/api/v1/me")
@Tag(name = "me", description = "The calling account")
class MeApiController {

    @GetMapping
    @Operation(summary = "The calling account, its role and org unit")
    Me me(@AuthenticationPrincipal SignedInUser user) {
        return new Me(user.getUsername(), user.getDisplayName(), user.getRole(), user.scope().writable(),
                user.getUnitId(), user.getUnitName());
    }

    record Me(String username, String displayName, Role role, boolean writable, long unitId, String unitName) {
    }
}
