package org.luoshi.web;

import org.springframework.http.HttpStatus;

/**
 * An uploaded file the server did not keep, with the HTTP status that says why: 400 for a damaged,
 * encrypted or active file, 413 for too large, 415 for a type not accepted, 503 when the server's
 * own storage failed (disk full, read-only). It is a {@link RuleViolationException}, so every form
 * that already shows a refused file beside its field shows these too.
 */
public class UploadException extends RuleViolationException {

    /** The message key of a storage fault: it speaks of the server's disk, not of the user's file. */
    public static final String STORAGE = "error.storage";

    private final HttpStatus status;

    public UploadException(HttpStatus status, String messageKey, Object... args) {
        super(messageKey, args);
        this.status = status;
    }

    /** The message key of a full disk: "存储空间不足", so that the administrator knows what to do. */
    public static final String STORAGE_FULL = "error.storage.full";

    /** The server could not write the file (disk full, read-only, missing directory); nothing was kept. */
    public static UploadException storage(Throwable cause) {
        UploadException e = new UploadException(HttpStatus.SERVICE_UNAVAILABLE, diskFull(cause) ? STORAGE_FULL : STORAGE);
        e.initCause(cause);
        return e;
    }

    /** ENOSPC, as the JDK words it on Linux and other Unix systems ("No space left on device"). */
    private static boolean diskFull(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * The status a page answers when it shows a refusal beside the field: its usual one (400 or 409) for
     * a refused file, 503 for a storage fault, which no change of the user's input can mend.
     */
    public static int pageStatus(RuleViolationException e, int usual) {
        return e instanceof UploadException upload && upload.isStorageFault() ? upload.status().value() : usual;
    }

    public boolean isStorageFault() {
        return status == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
