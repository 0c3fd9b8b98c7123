package org.luoshi.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * Local names of the media levels. A 自治州 calls the municipal level 州级, a 盟 盟级: with
 * {@code luoshi.ledger.media-level-labels.MUNICIPAL=州级} that label replaces 市级 for
 * {@code MEDIA_PLACEMENT.level} wherever it is shown — form, detail, history, Excel template, export and
 * import, reports — because all of them ask the application's {@link MessageSource} for the option's
 * label, and this wraps that MessageSource (see {@link LocalLabelsConfiguration}). The stored codes stay
 * the four levels; an import accepts the code or the label shown. Without the property nothing changes.
 */
final class LocalLabels implements HierarchicalMessageSource {

    static final String MEDIA_LEVEL_PROPERTY = "luoshi.ledger.media-level-labels";

    private final MessageSource delegate;
    /** Message key of an option's label → the local name. */
    private volatile Map<String, String> byKey = Map.of();

    LocalLabels(MessageSource delegate) {
        this.delegate = delegate;
    }

    /**
     * Sets the local names of the media levels, level code (any case) → label; blank labels keep the
     * bundle's. An unknown level is a configuration error, refused here so that the application does
     * not start with a label that silently never shows.
     */
    void mediaLevels(Map<String, String> labels) {
        FieldDef level = LedgerKind.MEDIA_PLACEMENT.definition().field(LedgerTerms.LEVEL).orElseThrow();
        Map<String, String> keys = new LinkedHashMap<>();
        labels.forEach((code, label) -> {
            String option = code.trim().toUpperCase(Locale.ROOT);
            if (!level.options().contains(option)) {
                throw new IllegalStateException(MEDIA_LEVEL_PROPERTY + "." + code + ": not a media level; the levels are "
                        + String.join(", ", level.options()));
            }
            if (label != null && !label.isBlank()) {
                keys.put(level.optionKey(option), label.trim());
            }
        });
        this.byKey = Map.copyOf(keys);
    }

    /** The local names in force, by message key. */
    Map<String, String> overrides() {
        return byKey;
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        String local = code == null ? null : byKey.get(code);
        return local != null ? local : delegate.getMessage(code, args, defaultMessage, locale);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
        String local = code == null ? null : byKey.get(code);
        return local != null ? local : delegate.getMessage(code, args, locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        Map<String, String> local = byKey;
        String[] codes = resolvable.getCodes();
        if (local.isEmpty() || codes == null || List.of(codes).stream().noneMatch(local::containsKey)) {
            return delegate.getMessage(resolvable, locale);
        }
        // the first code that resolves wins, as in the wrapped source
        for (String code : codes) {
            String message = local.containsKey(code) ? local.get(code)
                    : delegate.getMessage(code, resolvable.getArguments(), null, locale);
            if (message != null) {
                return message;
            }
        }
        return delegate.getMessage(resolvable, locale);
    }

    @Override
    public void setParentMessageSource(MessageSource parent) {
        if (delegate instanceof HierarchicalMessageSource h) {
            h.setParentMessageSource(parent);
        }
    }

    @Override
    public MessageSource getParentMessageSource() {
        return delegate instanceof HierarchicalMessageSource h ? h.getParentMessageSource() : null;
    }

    @Override
    public String toString() {
        return "LocalLabels " + byKey + " over " + delegate;
    }
}
