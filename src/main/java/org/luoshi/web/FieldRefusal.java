package org.luoshi.web;

import java.util.List;

/**
 * Input the service refused field by field, all of it found in one pass: {@link FormSubmission}
 * shows every message beside its field at once (400), so the user corrects the form in one round.
 * Fields are named as the form and the API name them ({@code title}, {@code fields.docNumber},
 * {@code attendance[2].leaveReason}).
 */
public interface FieldRefusal {

    /** One refused field and its message key with arguments. */
    record Message(String field, String key, Object[] args) {
    }

    List<Message> refusedFields();
}
