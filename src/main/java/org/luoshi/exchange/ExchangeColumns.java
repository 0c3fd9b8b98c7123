package org.luoshi.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.ledger.FieldDef;
import org.luoshi.ledger.RecordKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The columns of a kind's sheet, derived only from the kind's metadata: six common columns, then
 * one per field. Headers are always Chinese, whatever the user's locale, so that a file exported by
 * one user imports for another.
 */
@Component
class ExchangeColumns {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    /** The common part of every record, in sheet order. */
    enum Common {
        UNIT, OCCURRED_ON, OCCURRED_UNTIL, TITLE, NOTES, TAGS
    }

    /** One column: either a common one or a field of the kind. */
    record Column(String header, Common common, FieldDef field) {
    }

    private final MessageSource messages;

    ExchangeColumns(MessageSource messages) {
        this.messages = messages;
    }

    String zh(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }

    List<Column> of(RecordKind kind) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Common c : Common.values()) {
            String header = zh("exchange.column." + c.name());
            seen.add(header);
            columns.add(new Column(header, c, null));
        }
        for (FieldDef field : kind.fields()) {
            String header = zh(field.labelKey());
            if (!seen.add(header)) {
                header = header + "(" + field.name() + ")";
            }
            columns.add(new Column(header, null, field));
        }
        return columns;
    }

    /** The text shown for an option (Chinese label). */
    String optionLabel(FieldDef field, String code) {
        return zh(field.optionKey(code));
    }

    String yes() {
        return zh("exchange.value.yes");
    }

    String no() {
        return zh("exchange.value.no");
    }

    // ---- normalising what people type ----

    /** Full-width digits, letters and punctuation (０１２, ／, －, ．) become their ASCII forms; ideographic spaces become spaces. */
    static String halfWidth(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\u3000') {
                out.append(' ');
            } else if (ch >= '\uFF10' && ch <= '\uFF19' || ch == '\uFF0F' || ch == '\uFF0D' || ch == '\uFF0E') {
                out.append((char) (ch - 0xFEE0));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s+00:00(?::00)?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.0+)?");

    /**
     * yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyy年M月d日 and Excel serial day numbers (also in full-width digits);
     * null for an empty cell; {@link IllegalArgumentException} for anything else.
     */
    static LocalDate date(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (raw instanceof BigDecimal n) {
            return serial(n.doubleValue());
        }
        String text = halfWidth(raw.toString()).trim();
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(text, e);
        }
        if (SERIAL.matcher(text).matches()) {
            return serial(Double.parseDouble(text));
        }
        throw new IllegalArgumentException(text);
    }

    private static LocalDate serial(double days) {
        // Excel counts from 1899-12-30 once its fictitious 1900-02-29 is accounted for; real records are far later.
        if (days < 1 || days > 2958465) {
            throw new IllegalArgumentException(String.valueOf(days));
        }
        return LocalDate.of(1899, 12, 30).plusDays((long) days);
    }
}
