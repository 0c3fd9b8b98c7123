package org.luoshi.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The name and year of an indicator set, as typed on the sets page. */
class SetForm {

    @NotNull(message = "{assessment.validation.year}")
    @Min(value = 2000, message = "{assessment.validation.year}")
    @Max(value = 2100, message = "{assessment.validation.year}")
    private Integer year;

    @NotBlank(message = "{assessment.validation.required}")
    @Size(max = 100, message = "{assessment.validation.tooLong}")
    private String name;

    /** The set's version the user opened; a save from an older one is refused (someone else saved in between). */
    private Long version;

    static SetForm of(IndicatorSet set) {
        SetForm form = new SetForm();
        form.version = set.getVersion();
        form.year = set.getYear();
        form.name = set.getName();
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
