package org.luoshi.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.luoshi.ledger.FieldDef;
import org.luoshi.ledger.FieldType;
import org.luoshi.ledger.RecordKinds;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the rule vocabulary ({@link RecordKind}: kinds, sub-kinds, enumerated
 * fields and their values, numeric fields, and the fields the rates read) names something the
 * ledger's own definitions ({@link RecordKinds}, {@link FieldDef}) do not have. The adapter matches
 * rule names to ledger fields by name, and a field it cannot find matches nothing: without this
 * check, renaming {@code articleCount} in the ledger would silently turn every 上稿 figure into zero.
 * Indicator sets are checked against the vocabulary when saved or imported ({@link DefinitionCheck}),
 * so together every stored rule names fields the ledger has.
 */
@Component
class LedgerVocabularyCheck {

    LedgerVocabularyCheck(RecordKinds kinds) {
        verify(kinds.all());
    }

    /** Throws, naming every mismatch, unless the ledger has everything the vocabulary names. */
    static void verify(List<org.luoshi.ledger.RecordKind> ledgerKinds) {
        List<String> problems = problems(ledgerKinds);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The assessment rule vocabulary does not match the ledger's record kinds: "
                    + String.join("; ", problems));
        }
    }

    /** What the vocabulary names that the ledger lacks, one line each; empty when they agree. */
    static List<String> problems(List<org.luoshi.ledger.RecordKind> ledgerKinds) {
        List<String> problems = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            Optional<org.luoshi.ledger.RecordKind> found = ledgerKinds.stream().filter(k -> k.code().equals(kind.name()))
                    .findFirst();
            if (found.isEmpty()) {
                problems.add(kind.name() + ": no such ledger kind");
                continue;
            }
            org.luoshi.ledger.RecordKind ledger = found.get();
            if (!kind.subKinds().isEmpty()) {
                choice(ledger, org.luoshi.ledger.RecordKind.SUB_KIND, kind.subKinds(), problems);
            }
            for (Map.Entry<String, List<String>> field : kind.enumFields().entrySet()) {
                choice(ledger, field.getKey(), field.getValue(), problems);
            }
            for (String field : kind.numericFields()) {
                Optional<FieldDef> def = ledger.field(field);
                if (def.isEmpty() || (def.get().type() != FieldType.INTEGER && def.get().type() != FieldType.DECIMAL)) {
                    problems.add(kind.name() + "." + field + ": no such numeric field");
                }
            }
        }
        // the fields the rates read besides the rule's filters
        for (RateMetric metric : RateMetric.values()) {
            for (Map.Entry<String, FieldType> field : metric.fields().entrySet()) {
                boolean present = ledgerKinds.stream().filter(k -> k.code().equals(metric.kind().name())).findFirst()
                        .flatMap(k -> k.field(field.getKey())).filter(f -> f.type() == field.getValue()).isPresent();
                if (!present) {
                    problems.add(metric.name() + ": " + metric.kind().name() + "." + field.getKey() + " ("
                            + field.getValue() + ") missing");
                }
            }
            if (metric == RateMetric.STUDY_ATTENDANCE && ledgerKinds.stream()
                    .noneMatch(k -> k.code().equals(metric.kind().name()) && k.hasAttendance())) {
                problems.add(metric.name() + ": " + metric.kind().name() + " keeps no attendance");
            }
        }
        return problems;
    }

    private static void choice(org.luoshi.ledger.RecordKind ledger, String name, List<String> values, List<String> problems) {
        Optional<FieldDef> def = ledger.field(name).filter(f -> f.type() == FieldType.ENUM);
        if (def.isEmpty()) {
            problems.add(ledger.code() + "." + name + ": no such choice field");
            return;
        }
        for (String value : values) {
            if (!def.get().options().contains(value)) {
                problems.add(ledger.code() + "." + name + ": no option " + value);
            }
        }
    }
}
