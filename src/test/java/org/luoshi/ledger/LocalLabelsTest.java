package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

/** The label lookup with local names of the media levels, as configured by luoshi.ledger.media-level-labels.*. */
class LocalLabelsTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final String MUNICIPAL = "ledger.field.MEDIA_PLACEMENT.level.MUNICIPAL";

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/ledger");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    static LocalLabels configured(MockEnvironment environment) {
        return LocalLabelsConfiguration.wrap(bundles(), environment);
    }

    @Test
    void aConfiguredLocalNameReplacesTheLevelsLabelAndNothingElse() {
        LocalLabels labels = configured(new MockEnvironment()
                .withProperty("luoshi.ledger.media-level-labels.MUNICIPAL", "州级")
                .withProperty("luoshi.ledger.media-level-labels.county", "旗级"));
        FieldDef level = LedgerKind.MEDIA_PLACEMENT.definition().field(LedgerTerms.LEVEL).orElseThrow();
        assertThat(labels.getMessage(level.optionKey("MUNICIPAL"), null, ZH)).isEqualTo("州级");
        assertThat(labels.getMessage(level.optionKey("COUNTY"), null, "?", ZH)).isEqualTo("旗级");
        assertThat(labels.getMessage(new DefaultMessageSourceResolvable(new String[] {"no.such.key", MUNICIPAL}, "?"), ZH))
                .isEqualTo("州级");
        // the other levels, the other locales' bundles and the award's municipal level keep their labels
        assertThat(labels.getMessage(level.optionKey("PROVINCIAL"), null, ZH)).isEqualTo("省级");
        assertThat(labels.getMessage("ledger.field.AWARD.level.MUNICIPAL", null, ZH)).isEqualTo("市级");
        assertThat(labels.getMessage(new DefaultMessageSourceResolvable(new String[] {"ledger.kind.MEDIA_PLACEMENT"}), ZH))
                .isEqualTo("上稿与信息报送");
        assertThat(labels.getMessage("ledger.error.tooLong", new Object[] {5}, ZH)).isEqualTo("不能超过 5 个字。");
    }

    @Test
    void withoutThePropertyEveryLabelIsTheBundles() {
        LocalLabels labels = configured(new MockEnvironment().withProperty("luoshi.ledger.media-level-labels.PROVINCIAL", " "));
        assertThat(labels.overrides()).isEmpty();
        assertThat(labels.getMessage(MUNICIPAL, null, ZH)).isEqualTo("市级");
        assertThat(labels.getMessage("ledger.field.MEDIA_PLACEMENT.level.PROVINCIAL", null, ZH)).isEqualTo("省级");
        assertThat(labels.getMessage(MUNICIPAL, null, Locale.ENGLISH)).isEqualTo("Municipal");
    }

    @Test
    void anUnknownLevelStopsTheStartWithTheLevelsThereAre() {
        assertThatThrownBy(() -> configured(new MockEnvironment().withProperty("luoshi.ledger.media-level-labels.PREFECTURE", "州级")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("luoshi.ledger.media-level-labels.PREFECTURE")
                .hasMessageContaining("NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY");
    }

    @Test
    void theWrapperPassesTheParentOn() {
        ResourceBundleMessageSource inner = bundles();
        LocalLabels labels = new LocalLabels(inner);
        ResourceBundleMessageSource parent = new ResourceBundleMessageSource();
        labels.setParentMessageSource(parent);
        assertThat(inner.getParentMessageSource()).isSameAs(parent);
        assertThat(labels.getParentMessageSource()).isSameAs(parent);
    }
}
