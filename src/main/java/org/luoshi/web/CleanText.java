package org.luoshi.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text a user may store: no control characters but tab and line breaks, no lone surrogate halves,
 * no non-characters. PostgreSQL refuses NUL (a 500 there, stored on H2) and stores a lone surrogate as
 * "?": such input is refused the same way on both databases, beside its field ({@code error.badCharacters}).
 * Every validated form and API body is checked (the advice adds the check to every binder); code that
 * validates in its own way (the ledger) asks {@link #isClean}.
 */
@ControllerAdvice
public class CleanText {

    public static final String MESSAGE_KEY = "error.badCharacters";

    /** Whether the text may be stored as it is (null is). */
    public static boolean isClean(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                    || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }

    @InitBinder
    void check(WebDataBinder binder) {
        if (binder.getTarget() != null && !isSimple(binder.getTarget().getClass())) {
            binder.addValidators(VALIDATOR);
        }
    }

    private static final Validator VALIDATOR = new Validator() {

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }

        @Override
        public void validate(Object target, Errors errors) {
            walk(target, "", errors, 0);
        }
    };

    /** The text in the object's properties, record components, maps and lists, two levels down. */
    private static void walk(Object value, String path, Errors errors, int depth) {
        if (value == null || depth > 3) {
            return;
        }
        if (value instanceof String text) {
            if (!isClean(text) && !path.isEmpty()) {
                if (errors instanceof org.springframework.validation.BindingResult result) {
                    // added directly: a record body has no bean property that rejectValue could read
                    result.addError(new org.springframework.validation.FieldError(result.getObjectName(), path, text,
                            false, new String[] {MESSAGE_KEY}, null, null));
                } else {
                    errors.rejectValue(path, MESSAGE_KEY);
                }
            }
            return;
        }
        if (isSimple(value.getClass())) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", errors, depth + 1));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", errors, depth + 1);
            }
            return;
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    // the application's request records are package-private: open the accessor
                    org.springframework.util.ReflectionUtils.makeAccessible(c.getAccessor());
                    walk(c.getAccessor().invoke(value), prefix + c.getName(), errors, depth + 1);
                } catch (ReflectiveOperationException e) {
                    // not readable: nothing a user typed
                }
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("org.luoshi")) {
            return; // only the application's own forms and bodies carry what a user typed
        }
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(value);
        for (var property : bean.getPropertyDescriptors()) {
            if (property.getReadMethod() != null && !property.getName().equals("class")) {
                try {
                    walk(bean.getPropertyValue(property.getName()), prefix + property.getName(), errors, depth + 1);
                } catch (RuntimeException e) {
                    // a computed property that cannot be read here: nothing a user typed
                }
            }
        }
    }

    private static boolean isSimple(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type) || type == Boolean.class
                || type.getName().startsWith("java.time.") || type == Character.class
                || org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(type);
    }
}
