package org.luoshi.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.luoshi.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The org tree over REST, within the caller's data scope. */
@ApiController("/api/v1/org/units")
@Tag(name = "组织架构", description = "Org tree: county, townships, villages and departments in the caller's scope")
class OrgUnitApiController {

    private final OrgUnitService units;

    OrgUnitApiController(OrgUnitService units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "Units in scope, in tree order (parents before children)")
    List<OrgUnitResponse> list(DataScope scope) {
        return units.tree(scope).stream().map(OrgUnitResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One unit; 404 when it does not exist or lies outside the caller's scope")
    OrgUnitResponse get(DataScope scope, @PathVariable long id) {
        return OrgUnitResponse.of(units.get(scope, id));
    }

    @PostMapping
    @EditsOrg
    @Operation(summary = "Create a unit below a parent in scope (ADMIN, TOWNSHIP_OFFICER)")
    ResponseEntity<OrgUnitResponse> create(DataScope scope, @Valid @RequestBody CreateOrgUnitRequest request) {
        OrgUnit unit = units.create(scope, new OrgUnitCommand(request.parentId(), request.kind(), request.name(),
                request.code(), request.registeredPopulation(), orZero(request.sortOrder())));
        return ResponseEntity.created(URI.create("/api/v1/org/units/" + unit.getId())).body(OrgUnitResponse.of(unit));
    }

    @PutMapping("/{id}")
    @EditsOrg
    @Operation(summary = "Rename a unit, change its code, registered population or sort order")
    OrgUnitResponse update(DataScope scope, @PathVariable long id, @Valid @RequestBody UpdateOrgUnitRequest request) {
        return OrgUnitResponse.of(units.update(scope, id, new OrgUnitCommand(null, null, request.name(), request.code(),
                request.registeredPopulation(), orZero(request.sortOrder())), request.version()));
    }

    @PostMapping("/{id}/move")
    @EditsOrg
    @Operation(summary = "Move a unit with its subtree below another parent; refused into its own subtree or a wrong kind")
    OrgUnitResponse move(DataScope scope, @PathVariable long id, @Valid @RequestBody MoveOrgUnitRequest request) {
        return OrgUnitResponse.of(units.move(scope, id, request.parentId()));
    }

    @PostMapping("/{id}/above")
    // the tree's shape above its root: the whole tree's administrator only (the service checks the scope too)
    @org.springframework.security.access.prepost.PreAuthorize("hasAuthority('system:admin')")
    @Operation(summary = "Put a city or province above the root unit {id} (an administrator of the whole tree); "
            + "the root moves below it with its subtree, and the caller must sign in again")
    ResponseEntity<OrgUnitResponse> addAbove(DataScope scope, @PathVariable long id,
            @Valid @RequestBody AddAboveRequest request) {
        units.get(scope, id);
        OrgUnit top = units.addRootAbove(scope, request.kind(), request.name(), request.code());
        return ResponseEntity.created(URI.create("/api/v1/org/units/" + top.getId())).body(OrgUnitResponse.of(top));
    }

    @PostMapping("/{id}/deactivate")
    @EditsOrg
    @Operation(summary = "Deactivate a unit (its accounts can no longer sign in); refused while it has active children")
    OrgUnitResponse deactivate(DataScope scope, @PathVariable long id) {
        return OrgUnitResponse.of(units.setActive(scope, id, false));
    }

    @PostMapping("/{id}/activate")
    @EditsOrg
    @Operation(summary = "Reactivate a unit; its parent must be active")
    OrgUnitResponse activate(DataScope scope, @PathVariable long id) {
        return OrgUnitResponse.of(units.setActive(scope, id, true));
    }

    @DeleteMapping("/{id}")
    @EditsOrg
    @Operation(summary = "Delete a unit without children, people, posts or records; otherwise 409 with the reason")
    ResponseEntity<Void> delete(DataScope scope, @PathVariable long id) {
        units.delete(scope, id);
        return ResponseEntity.noContent().build();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    record AddAboveRequest(
            @NotNull(message = "{org.unit.kind.required}") OrgUnitKind kind,
            @NotBlank(message = "{org.unit.name.required}") @Size(max = 100, message = "{org.unit.name.size}") String name,
            @Size(max = 32, message = "{org.unit.code.size}") String code) {
    }

    record CreateOrgUnitRequest(
            @NotNull(message = "{org.unit.parent.required}") Long parentId,
            @NotNull(message = "{org.unit.kind.required}") OrgUnitKind kind,
            @NotBlank(message = "{org.unit.name.required}") @Size(max = 100, message = "{org.unit.name.size}") String name,
            @Size(max = 32, message = "{org.unit.code.size}")
            @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{org.unit.code.pattern}") String code,
            @Min(value = 0, message = "{org.unit.population.min}")
            @Max(value = 100_000_000, message = "{org.unit.population.max}") Integer registeredPopulation,
            @Min(value = 0, message = "{org.unit.sortOrder.range}")
            @Max(value = 9999, message = "{org.unit.sortOrder.range}") Integer sortOrder) {
    }

    record UpdateOrgUnitRequest(
            @NotBlank(message = "{org.unit.name.required}") @Size(max = 100, message = "{org.unit.name.size}") String name,
            @Size(max = 32, message = "{org.unit.code.size}")
            @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{org.unit.code.pattern}") String code,
            @Min(value = 0, message = "{org.unit.population.min}")
            @Max(value = 100_000_000, message = "{org.unit.population.max}") Integer registeredPopulation,
            @Min(value = 0, message = "{org.unit.sortOrder.range}")
            @Max(value = 9999, message = "{org.unit.sortOrder.range}") Integer sortOrder,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the version read; a newer saved one answers 409")
            Long version) {
    }

    record MoveOrgUnitRequest(@NotNull(message = "{org.unit.parent.required}") Long parentId) {
    }

    /** @param tierName the local name of the unit's tier (地区, 州, 自治区 …) where its name tells it, else null */
    record OrgUnitResponse(long id, Long parentId, OrgUnitKind kind, String tierName, String name, String code,
            String path, int depth, Integer registeredPopulation, boolean active, int sortOrder, long version) {

        static OrgUnitResponse of(OrgUnit unit) {
            return new OrgUnitResponse(unit.getId(), unit.getParentId(), unit.getKind(), unit.getTierName(),
                    unit.getName(), unit.getCode(),
                    unit.getPath(), unit.getDepth(), unit.getRegisteredPopulation(), unit.isActive(), unit.getSortOrder(),
                    unit.getVersion());
        }
    }
}
