package org.luoshi.responsibility;

import java.util.List;
import java.util.Map;
import org.luoshi.web.FieldRefusal;

/**
 * A joint signing of which some letters were refused: nothing was saved, and each refusal is told beside
 * its row ({@code rows[3].signerName}). For a letter saved by someone else meanwhile, the version saved
 * now, so that the form offers it and submitting again is a deliberate choice.
 */
class LettersRefused extends RuntimeException implements FieldRefusal {

    private final transient List<Message> messages;
    private final transient Map<Integer, Long> currentVersions;

    LettersRefused(List<Message> messages, Map<Integer, Long> currentVersions) {
        super(messages.size() + " letters refused");
        this.messages = List.copyOf(messages);
        this.currentVersions = Map.copyOf(currentVersions);
    }

    @Override
    public List<Message> refusedFields() {
        return messages;
    }

    /** Row index → the version of the letter saved by someone else since the form was opened. */
    Map<Integer, Long> currentVersions() {
        return currentVersions;
    }
}
