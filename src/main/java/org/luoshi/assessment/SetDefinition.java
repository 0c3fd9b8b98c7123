package org.luoshi.assessment;

import java.util.List;

/** An indicator set as a value, as exported to and imported from YAML. */
record SetDefinition(int year, String name, List<IndicatorDefinition> indicators) {

    public SetDefinition {
        indicators = List.copyOf(indicators);
    }
}
