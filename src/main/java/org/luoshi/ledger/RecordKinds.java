package org.luoshi.ledger;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.luoshi.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Every record kind the application knows: the definitions of all {@link LedgerKind}s, in their order. */
@Component
public class RecordKinds {

    private final Map<String, RecordKind> byCode = new LinkedHashMap<>();

    RecordKinds() {
        java.util.Arrays.stream(LedgerKind.values()).map(LedgerKind::definition).sorted(Comparator.comparingInt(RecordKind::order)).forEach(k -> {
            if (byCode.put(k.code(), k) != null) {
                throw new IllegalStateException("duplicate record kind " + k.code());
            }
        });
    }

    public List<RecordKind> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<RecordKind> find(String codeOrSlug) {
        if (codeOrSlug == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(codeOrSlug.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    public RecordKind get(LedgerKind kind) {
        return kind.definition();
    }

    /** The kind, or 404 for an unknown code. */
    public RecordKind get(String codeOrSlug) {
        return find(codeOrSlug).orElseThrow(() -> new NotFoundException("RecordKind", codeOrSlug));
    }
}
