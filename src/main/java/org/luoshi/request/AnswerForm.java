package org.luoshi.request;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The township's answer form: per measure (by name) the figure in the field, the records' figure the
 * page showed, and a note; an explanation for the whole answer. Figures arrive as text so that a
 * malformed one is reported beside its field.
 */
class AnswerForm {

    private Map<String, String> values = new HashMap<>();
    private Map<String, String> shown = new HashMap<>();
    private Map<String, String> notes = new HashMap<>();
    private List<String> replies = new ArrayList<>();

    @Size(max = 2000, message = "{request.validation.tooLong}")
    private String explanation;

    public Map<String, String> getValues() {
        return values;
    }

    public void setValues(Map<String, String> values) {
        this.values = values;
    }

    public Map<String, String> getShown() {
        return shown;
    }

    public void setShown(Map<String, String> shown) {
        this.shown = shown;
    }

    public Map<String, String> getNotes() {
        return notes;
    }

    public void setNotes(Map<String, String> notes) {
        this.notes = notes;
    }

    /** The text replies to the request's free questions, in their order. */
    public List<String> getReplies() {
        return replies;
    }

    public void setReplies(List<String> replies) {
        this.replies = replies;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }
}
