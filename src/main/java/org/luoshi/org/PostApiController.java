package org.luoshi.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.luoshi.web.ApiController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Posts and their holders over REST, within the caller's data scope. */
@ApiController("/api/v1/org/posts")
@Tag(name = "岗位", description = "Posts of the org units in scope, their current holders and the history of who held them")
class PostApiController {

    private final PostService posts;
    private final PersonService people;

    PostApiController(PostService posts, PersonService people) {
        this.posts = posts;
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "Posts of one unit with their current holders")
    List<PostResponse> list(DataScope scope, @RequestParam long unitId) {
        List<Post> unitPosts = posts.postsOf(scope, unitId);
        Map<Long, Person> holders = posts.currentHolders(unitPosts.stream().map(Post::getId).toList());
        return unitPosts.stream().map(p -> PostResponse.of(p, holders.get(p.getId()))).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One post with its current holder; 404 outside the caller's scope")
    PostResponse get(DataScope scope, @PathVariable long id) {
        Post post = posts.get(scope, id);
        return PostResponse.of(post, posts.currentHolder(id).orElse(null));
    }

    @PostMapping
    @EditsOrg
    @Operation(summary = "Create a post in a unit (ADMIN, TOWNSHIP_OFFICER)")
    ResponseEntity<PostResponse> create(DataScope scope, @Valid @RequestBody CreatePostRequest request) {
        Post post = posts.create(scope, request.unitId(), request.title(), request.kind(),
                request.sortOrder() == null ? 0 : request.sortOrder());
        return ResponseEntity.created(URI.create("/api/v1/org/posts/" + post.getId())).body(PostResponse.of(post, null));
    }

    @PutMapping("/{id}")
    @EditsOrg
    @Operation(summary = "Rename a post or change its kind or sort order; holders and history stay")
    PostResponse update(DataScope scope, @PathVariable long id, @Valid @RequestBody UpdatePostRequest request) {
        Post post = posts.update(scope, id, request.title(), request.kind(), request.sortOrder() == null ? 0 : request.sortOrder(),
                request.version());
        return PostResponse.of(post, posts.currentHolder(id).orElse(null));
    }

    @PostMapping("/{id}/deactivate")
    @EditsOrg
    @Operation(summary = "Deactivate (abolish) a vacant post")
    PostResponse deactivate(DataScope scope, @PathVariable long id) {
        return PostResponse.of(posts.setActive(scope, id, false), null);
    }

    @PostMapping("/{id}/activate")
    @EditsOrg
    @Operation(summary = "Reactivate a post")
    PostResponse activate(DataScope scope, @PathVariable long id) {
        return PostResponse.of(posts.setActive(scope, id, true), posts.currentHolder(id).orElse(null));
    }

    @PutMapping("/{id}/holder")
    @EditsOrg
    @Operation(summary = "Put a person into the post from a date; the previous holder's term ends the day before")
    HoldingResponse assign(DataScope scope, @PathVariable long id, @Valid @RequestBody AssignRequest request) {
        PostHolding holding = posts.assign(scope, id, request.personId(), request.from());
        return HoldingResponse.of(holding, people.get(scope, request.personId()));
    }

    @DeleteMapping("/{id}/holder")
    @EditsOrg
    @Operation(summary = "End the current holder's term on lastDay, leaving the post vacant")
    HoldingResponse vacate(DataScope scope, @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay) {
        PostHolding holding = posts.vacate(scope, id, lastDay);
        return HoldingResponse.of(holding, people.byIds(List.of(holding.getPersonId())).get(holding.getPersonId()));
    }

    @GetMapping("/{id}/holdings")
    @Operation(summary = "Who held the post when, newest first; the open term is the current holder")
    List<HoldingResponse> holdings(DataScope scope, @PathVariable long id) {
        List<PostHolding> history = posts.history(scope, id);
        Map<Long, Person> byId = people.byIds(history.stream().map(PostHolding::getPersonId).distinct().toList());
        return history.stream().map(h -> HoldingResponse.of(h, byId.get(h.getPersonId()))).toList();
    }

    record CreatePostRequest(
            @NotNull(message = "{org.post.unit.required}") Long unitId,
            @NotBlank(message = "{org.post.title.required}") @Size(max = 50, message = "{org.post.title.size}") String title,
            @NotNull(message = "{org.post.kind.required}") PostKind kind,
            @Min(value = 0, message = "{org.unit.sortOrder.range}")
            @Max(value = 9999, message = "{org.unit.sortOrder.range}") Integer sortOrder) {
    }

    record UpdatePostRequest(
            @NotBlank(message = "{org.post.title.required}") @Size(max = 50, message = "{org.post.title.size}") String title,
            @NotNull(message = "{org.post.kind.required}") PostKind kind,
            @Min(value = 0, message = "{org.unit.sortOrder.range}")
            @Max(value = 9999, message = "{org.unit.sortOrder.range}") Integer sortOrder,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the version read; a newer saved one answers 409")
            Long version) {
    }

    record AssignRequest(
            @NotNull(message = "{org.post.person.required}") Long personId,
            @NotNull(message = "{org.post.from.required}") LocalDate from) {
    }

    record HolderResponse(long personId, String name) {
    }

    record PostResponse(long id, long unitId, String title, PostKind kind, boolean active, int sortOrder,
            HolderResponse holder, long version) {

        static PostResponse of(Post post, Person holder) {
            return new PostResponse(post.getId(), post.getOrgUnitId(), post.getTitle(), post.getKind(), post.isActive(),
                    post.getSortOrder(), holder == null ? null : new HolderResponse(holder.getId(), holder.getName()),
                    post.getVersion());
        }
    }

    record HoldingResponse(long id, long postId, long personId, String personName, LocalDate startDate,
            LocalDate endDate, boolean current) {

        static HoldingResponse of(PostHolding holding, Person person) {
            return new HoldingResponse(holding.getId(), holding.getPostId(), holding.getPersonId(),
                    person == null ? null : person.getName(), holding.getStartDate(), holding.getEndDate(), holding.isCurrent());
        }
    }
}
