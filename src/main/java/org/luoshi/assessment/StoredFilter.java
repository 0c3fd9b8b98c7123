package org.luoshi.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;

/** A {@link RecordFilter} as a row of {@code indicator_filter}; the values are joined with commas. */
@Embeddable
class StoredFilter {

    @Enumerated(EnumType.STRING)
    private RecordFilter.Type filterType;

    private String fieldName;

    @Column(name = "filter_values")
    private String filterValues;

    protected StoredFilter() {
    }

    StoredFilter(RecordFilter filter) {
        this.filterType = filter.type();
        this.fieldName = filter.field();
        this.filterValues = String.join(",", filter.values());
    }

    RecordFilter toFilter() {
        return new RecordFilter(filterType, fieldName, Arrays.stream(filterValues.split(",")).map(String::trim).toList());
    }
}
