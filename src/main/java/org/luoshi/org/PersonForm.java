package org.luoshi.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The create / edit form of a person. */
class PersonForm {

    /** A mobile number (11 digits from 13…19) or a landline with area code, e.g. 0571-12345678. */
    static final String PHONE = "^$|^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

    @NotNull(message = "{org.person.unit.required}")
    private Long unitId;

    @NotBlank(message = "{org.person.name.required}")
    @Size(max = 50, message = "{org.person.name.size}")
    private String name;

    private Gender gender;

    @Pattern(regexp = PHONE, message = "{org.person.phone.pattern}")
    private String phone;

    @Size(max = 500, message = "{org.person.note.size}")
    private String note;
    /** The version the user opened; a save from an older one is refused (someone else saved in between). */
    private Long version;

    static PersonForm of(Person person) {
        PersonForm form = new PersonForm();
        form.version = person.getVersion();
        form.unitId = person.getOrgUnitId();
        form.name = person.getName();
        form.gender = Gender.parse(person.getGender());
        form.phone = person.getPhone();
        form.note = person.getNote();
        return form;
    }

    PersonCommand toCommand() {
        return new PersonCommand(unitId, name, gender, phone, note);
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
