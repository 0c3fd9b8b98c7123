package org.luoshi.org;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a command with the constraints of the form that edits it (name length, phone format,
 * population range...), for callers that do not go through a form, such as an Excel import. Returns
 * the message keys of the problems, so the caller can word them in its own locale.
 */
@Component
public class FormCheck {

    private final Validator validator;

    FormCheck(Validator validator) {
        this.validator = validator;
    }

    public List<String> unit(OrgUnitCommand command) {
        OrgUnitForm form = new OrgUnitForm();
        form.setParentId(command.parentId());
        form.setKind(command.kind());
        form.setName(command.name());
        form.setCode(command.code());
        form.setRegisteredPopulation(command.registeredPopulation());
        form.setSortOrder(command.sortOrder());
        return keys(validator.validate(form));
    }

    public List<String> person(PersonCommand command) {
        PersonForm form = new PersonForm();
        form.setUnitId(command.unitId());
        form.setName(command.name());
        form.setGender(command.gender());
        form.setPhone(command.phone());
        form.setNote(command.note());
        return keys(validator.validate(form));
    }

    public List<String> post(long unitId, String title, PostKind kind) {
        PostForm form = new PostForm();
        form.setUnitId(unitId);
        form.setTitle(title);
        form.setKind(kind);
        form.setSortOrder(0);
        return keys(validator.validate(form));
    }

    /** "{org.person.name.required}" → "org.person.name.required", in a stable order. */
    private static <T> List<String> keys(java.util.Set<ConstraintViolation<T>> violations) {
        return violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> v.getMessageTemplate().replaceAll("^\\{|\\}$", "")).toList();
    }
}
