package org.luoshi.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.luoshi.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** People of the units in scope over REST. */
@ApiController("/api/v1/org/people")
@Tag(name = "人员", description = "People (cadres, staff) of the org units in the caller's scope")
class PersonApiController {

    private final PersonService people;

    PersonApiController(PersonService people) {
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "People of one unit, by name; the unit must be in scope")
    List<PersonResponse> list(DataScope scope, @RequestParam long unitId) {
        return people.peopleOf(scope, unitId).stream().map(PersonResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person; 404 outside the caller's scope")
    PersonResponse get(DataScope scope, @PathVariable long id) {
        return PersonResponse.of(people.get(scope, id));
    }

    @PostMapping
    @EditsOrg
    @Operation(summary = "Record a person in a unit (ADMIN, TOWNSHIP_OFFICER)")
    ResponseEntity<PersonResponse> create(DataScope scope, @Valid @RequestBody PersonRequest request) {
        Person person = people.create(scope, request.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/org/people/" + person.getId())).body(PersonResponse.of(person));
    }

    @PutMapping("/{id}")
    @EditsOrg
    @Operation(summary = "Change a person's details; a different unitId moves them (refused while they hold a post)")
    PersonResponse update(DataScope scope, @PathVariable long id, @Valid @RequestBody PersonRequest request) {
        return PersonResponse.of(people.update(scope, id, request.toCommand(), request.version()));
    }

    @PostMapping("/{id}/deactivate")
    @EditsOrg
    @Operation(summary = "Deactivate a person who holds no post; their history stays")
    PersonResponse deactivate(DataScope scope, @PathVariable long id) {
        return PersonResponse.of(people.setActive(scope, id, false));
    }

    @PostMapping("/{id}/activate")
    @EditsOrg
    @Operation(summary = "Reactivate a person")
    PersonResponse activate(DataScope scope, @PathVariable long id) {
        return PersonResponse.of(people.setActive(scope, id, true));
    }

    record PersonRequest(
            @NotNull(message = "{org.person.unit.required}") Long unitId,
            @NotBlank(message = "{org.person.name.required}") @Size(max = 50, message = "{org.person.name.size}") String name,
            Gender gender,
            @Pattern(regexp = PersonForm.PHONE, message = "{org.person.phone.pattern}") String phone,
            @Size(max = 500, message = "{org.person.note.size}") String note,
            @io.swagger.v3.oas.annotations.media.Schema(description = "on update: the version read; a newer saved one answers 409")
            Long version) {

        PersonCommand toCommand() {
            return new PersonCommand(unitId, name, gender, phone, note);
        }
    }

    record PersonResponse(long id, long unitId, String name, String gender, String phone, String note, boolean active,
            long version) {

        static PersonResponse of(Person person) {
            return new PersonResponse(person.getId(), person.getOrgUnitId(), person.getName(), person.getGender(),
                    person.getPhone(), person.getNote(), person.isActive(), person.getVersion());
        }
    }
}
