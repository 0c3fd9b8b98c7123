package org.luoshi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Traditional text as readers write it: the phrases of {@code report/traditional-tw.tsv} (report sentences with
 * the characters that OpenCC gets wrong or writes in its own forms) converted to Taiwan's forms, names kept.
 */
class TraditionalTextTest {

    private static final List<String> NAMES = List.of("秦杰", "余小平", "范建国", "柳溪镇", "中共柳溪镇委员会", "青禾发布");

    private static final TraditionalText TW = TraditionalText.of(TraditionalVariant.TW, NAMES);

    static List<Arguments> phrases() throws IOException {
        List<Arguments> phrases = new ArrayList<>();
        try (InputStream in = TraditionalTextTest.class.getResourceAsStream("/report/traditional-tw.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] pair = line.split("\t");
                    phrases.add(Arguments.of(pair[0], pair[1]));
                }
            }
        }
        return phrases;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("phrases")
    void taiwanFormsInContext(String simplified, String expected) {
        assertThat(TW.apply(simplified)).isEqualTo(expected);
    }

    @Test
    void theListIsLongAndCatchesWhatPlainOpenCcGetsWrong() throws IOException {
        List<Arguments> phrases = phrases();
        assertThat(phrases).hasSizeGreaterThanOrEqualTo(50);
        long wrongBefore = phrases.stream()
                .filter(p -> !ZhConverterUtil.toTraditional((String) p.get()[0]).equals(p.get()[1])).count();
        assertThat(wrongBefore).as("phrases the old conversion (OpenCC's standard forms, names converted) got wrong")
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void hongKongAndOpenCcFormsOnRequest() {
        String text = "为群众着力考核里面，秦杰同志在台上";
        assertThat(TraditionalText.of(TraditionalVariant.OPENCC, NAMES).apply(text)).isEqualTo("爲羣衆着力考覈裏面，秦杰同志在臺上");
        assertThat(TraditionalText.of(TraditionalVariant.HK, NAMES).apply(text)).isEqualTo("為羣眾着力考核裏面，秦杰同志在台上");
        assertThat(TW.apply(text)).isEqualTo("為群眾著力考核裡面，秦杰同志在臺上");
    }

    @Test
    void namesAndTitlesAreKeptWhereverTheyStand() {
        assertThat(TW.apply("秦杰")).isEqualTo("秦杰");
        assertThat(TW.apply("会议由秦杰主持，学习《关于加强和改进意识形态工作的意见》")).isEqualTo(
                "會議由秦杰主持，學習《关于加强和改进意识形态工作的意见》");
        // the longest name wins: the committee's name is kept whole, not only the township's inside it
        assertThat(TW.apply("中共柳溪镇委员会办公室")).isEqualTo("中共柳溪镇委员会辦公室");
        // without the name, 杰 is converted: the name list is what keeps it
        assertThat(TraditionalText.of(TraditionalVariant.TW, List.of()).apply("秦杰同志")).isEqualTo("秦傑同志");
        // a one-character "name" would keep that character everywhere, so it is not kept
        assertThat(TraditionalText.of(TraditionalVariant.TW, List.of("发")).apply("发展")).isEqualTo("發展");
    }

    @Test
    void emptyAndUnchangedTextPassesThrough() {
        assertThat(TW.apply(null)).isNull();
        assertThat(TW.apply("")).isEmpty();
        assertThat(TW.apply("2025年12月，ABC 12.5%（一）\n")).isEqualTo("2025年12月，ABC 12.5%（一）\n");
    }
}
