package org.luoshi.responsibility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.luoshi.org.DataScope;
import org.luoshi.responsibility.AttentionService.AttentionItem;
import org.luoshi.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;

@ApiController("/api/v1/responsibility/attention")
@Tag(name = "Needs attention", description = "Seats and responsibilities whose post is vacant or changed holder")
class AttentionApiController {

    private final AttentionService attention;

    AttentionApiController(AttentionService attention) {
        this.attention = attention;
    }

    @GetMapping
    @Operation(summary = "Every seat and responsibility in scope whose post changed holder since it was confirmed, or is vacant")
    List<AttentionItem> list(DataScope scope) {
        return attention.items(scope);
    }
}
