package org.luoshi.web;

/**
 * A save made from an outdated copy: someone else saved the thing after this user opened it. Answered
 * 409 with {@code error.staleEdit}; a form is shown again with the user's input, what is saved now, and
 * the current version, so that saving again is a deliberate choice (one form protocol:
 * {@link FormSubmission}).
 */
public class StaleEditException extends RuleViolationException {

    private final long currentVersion;
    private final String current;

    /**
     * @param current what is saved now, in words the user reads ("姓名 张三；电话 138…")
     */
    public StaleEditException(long currentVersion, String current) {
        super("error.staleEdit", current);
        this.currentVersion = currentVersion;
        this.current = current;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public String current() {
        return current;
    }

    /**
     * Refuses a save whose version is not the saved one. A caller that sends no version (an older API
     * client) is not checked.
     *
     * @param current what is saved now, said only when the versions differ
     */
    public static void check(Long expected, long actual, java.util.function.Supplier<String> current) {
        if (expected != null && expected != actual) {
            throw new StaleEditException(actual, current.get());
        }
    }
}
