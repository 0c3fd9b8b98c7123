package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.ledger.FieldDef;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.springframework.beans.factory.annotation.Autowired;

/** The rule vocabulary against the ledger's definitions: a renamed ledger field stops the start. */
@LuoshiTest
class LedgerVocabularyCheckTest {

    @Autowired
    RecordKinds kinds;

    @Test
    void theLedgerHasEveryKindAndFieldTheRulesName() {
        assertThat(LedgerVocabularyCheck.problems(kinds.all())).isEmpty();
    }

    @Test
    void aRenamedNumericFieldAnUnknownOptionAndAMissingKindAreReported() {
        List<RecordKind> changed = new ArrayList<>(kinds.all().stream()
                .filter(k -> !k.code().equals("MEDIA_PLACEMENT") && !k.code().equals("AWARD")).toList());
        // 上稿 with articleCount renamed to articles, and a level without PROVINCIAL
        changed.add(RecordKind.define("MEDIA_PLACEMENT", "ledger_media_placement", 40)
                .field(FieldDef.choice("level", "NATIONAL", "MUNICIPAL", "COUNTY"))
                .field(FieldDef.choice("medium", "PRINT", "NEW_MEDIA", "TV_RADIO", "PLATFORM"))
                .field(FieldDef.integer("articles")));
        assertThat(LedgerVocabularyCheck.problems(changed)).containsExactlyInAnyOrder(
                "MEDIA_PLACEMENT.level: no option PROVINCIAL",
                "MEDIA_PLACEMENT.articleCount: no such numeric field",
                "AWARD: no such ledger kind");
        assertThatThrownBy(() -> LedgerVocabularyCheck.verify(changed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("articleCount");
    }
}
