package org.luoshi.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The indicator form carries every rule the YAML can express, and says which field a problem belongs to. */
class IndicatorFormTest {

    @Test
    void everyIndicatorSurvivesTheFormUnchanged() {
        for (IndicatorDefinition d : IndicatorSetYamlTest.everyFeature().indicators()) {
            assertThat(IndicatorForm.of(d).toDefinition()).isEqualTo(d);
        }
        for (IndicatorDefinition d : IndicatorSetService.defaultSet(2026).indicators()) {
            assertThat(IndicatorForm.of(d).toDefinition()).isEqualTo(d);
        }
    }

    @Test
    void tagsMaySeparateWithChineseCommasAndStepsMustParse() {
        IndicatorForm form = IndicatorForm.of(IndicatorSetYamlTest.everyFeature().indicators().get(0));
        form.setTags("乡村振兴，扫黄打非");
        assertThat(form.toDefinition()).isEqualTo(IndicatorSetYamlTest.everyFeature().indicators().get(0));
        form.setSteps("1:2,abc");
        assertThatThrownBy(form::toDefinition).isInstanceOf(InvalidDefinitionException.class)
                .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems()).extracting(Problem::field)
                        .containsExactly("steps"));
    }

    @Test
    void ruleProblemsLandBesideTheirSelect() {
        assertThat(IndicatorForm.field(Problem.at("rule.sumField").messageKey("k"))).isEqualTo("sumField");
        assertThat(IndicatorForm.field(Problem.at("rule.filters").messageKey("k"))).isEqualTo("subKinds");
        assertThat(IndicatorForm.field(Problem.at("weight").messageKey("k"))).isEqualTo("weight");
    }
}
