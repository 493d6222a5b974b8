package cn.shapotou.litigation.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.casecore.Reconsideration;
import cn.shapotou.litigation.casecore.SuedAct;
import cn.shapotou.litigation.units.UnitDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Art. 4, paragraph by paragraph, over the default directory (where 区城乡规划局 → 区国土资源局 → 区自然资源局 were
 * abolished in turn), and Art. 25 for defendants other than the district government.
 */
class ResponsibilityRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static UnitDirectory defaultDirectory() throws Exception {
        try (var in = new ClassPathResource("units.yaml").getInputStream()) {
            return UnitDirectory.read("units.yaml", in);
        }
    }

    @ParameterizedTest(name = "{7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # defendant         | acting unit       | reconsideration | sued act        | lead              | co units       | basis                              | the regulation's case
            -                   | natural-resources | NONE            | -               | natural-resources | -              | 第四条第二款                        | ¶2 not reconsidered: the acting unit
            -                   | wenchang-town     | NONE            | -               | wenchang-town     | -              | 第四条第二款                        | ¶2 a township's own act
            district-government | housing           | NONE            | -               | housing           | -              | 第四条第二款                        | ¶2 the district government named as defendant
            -                   | housing           | UPHELD          | -               | housing           | justice-bureau | 第四条第三款、第四条第四款            | ¶3-4 upheld by the district: acting unit leads, Justice Bureau for the reconsideration part
            -                   | justice-bureau    | UPHELD          | -               | justice-bureau    | -              | 第四条第三款、第四条第四款            | ¶3-4 the Justice Bureau made the act itself: no co-unit of itself
            -                   | natural-resources | SOLE_DEFENDANT  | RECONSIDERATION | justice-bureau    | -              | 第四条第五款                        | ¶5 suit against the reconsideration act
            -                   | natural-resources | SOLE_DEFENDANT  | ORIGINAL        | natural-resources | -              | 第四条第五款                        | ¶5 suit against the original act
            -                   | -                 | NONE            | -               | -                 | -              | 第四条第六款                        | ¶6 unclear: Justice Bureau proposes, district decides
            -                   | -                 | UPHELD          | -               | -                 | -              | 第四条第六款                        | ¶6 unclear, upheld
            -                   | -                 | SOLE_DEFENDANT  | ORIGINAL        | -                 | -              | 第四条第六款                        | ¶6 unclear, sole defendant
            -                   | land-resources    | NONE            | -               | natural-resources | -              | 第四条第二款、第四条第一款            | ¶1 abolished unit: its successor
            -                   | urban-planning    | NONE            | -               | natural-resources | -              | 第四条第二款、第四条第一款            | ¶1 successor chain of length 2
            -                   | urban-planning    | UPHELD          | -               | natural-resources | justice-bureau | 第四条第三款、第四条第四款、第四条第一款 | ¶1 with ¶3-4
            -                   | land-resources    | SOLE_DEFENDANT  | ORIGINAL        | natural-resources | -              | 第四条第五款、第四条第一款            | ¶1 with ¶5 original act
            -                   | land-resources    | SOLE_DEFENDANT  | RECONSIDERATION | justice-bureau    | -              | 第四条第五款                        | ¶5 reconsideration act: the abolished acting unit does not matter
            housing             | natural-resources | NONE            | -               | housing           | -              | 第二十五条                          | Art. 25 a department sued in its own name leads its own case
            wenchang-town       | -                 | NONE            | -               | wenchang-town     | -              | 第二十五条                          | Art. 25 a township defendant is clear without an acting unit
            land-resources      | -                 | NONE            | -               | natural-resources | -              | 第二十五条、第四条第一款              | Art. 25 with ¶1 an abolished defendant
            """, ignoreLeadingAndTrailingWhitespace = true)
    void decidesAsArticleFourSays(String defendant, String acting, Reconsideration reconsideration, SuedAct suedAct,
                                  String lead, String co, String basis, String why) throws Exception {
        ResponsibilityDecision decision = new ResponsibilityRule(defaultDirectory())
                .decide(defendant, acting, reconsideration, suedAct, TODAY);
        assertThat(decision.leadUnit()).as("lead unit").isEqualTo(lead);
        assertThat(decision.coUnits()).as("co units").isEqualTo(co == null ? List.of() : Arrays.asList(co.split(",")));
        assertThat(decision.basis()).as("basis").isEqualTo(basis);
        assertThat(decision.explanation()).isNotBlank();
        if (lead != null) {
            assertThat(decision.explanation()).contains("应诉事务承办单位：");
        }
    }

    @Test
    void aChainOfThreeAbolitionsEndsAtTheUnitThatCarriesOnTheFunctions() {
        UnitDirectory units = UnitDirectory.read("t", new ByteArrayInputStream("""
                units:
                  - {id: district-government, name: 区人民政府, kind: GOVERNMENT}
                  - {id: district-office, name: 区政府办公室, kind: OFFICE}
                  - {id: justice-bureau, name: 区司法局, kind: DEPARTMENT}
                  - {id: legal-counsel-office, name: 区法律顾问室, kind: COUNSEL}
                  - {id: today, name: 现局, kind: DEPARTMENT}
                  - {id: third, name: 三局, kind: DEPARTMENT, abolished: 2024-01-01, successor: today}
                  - {id: second, name: 二局, kind: DEPARTMENT, abolished: 2020-01-01, successor: third}
                  - {id: first, name: 一局, kind: DEPARTMENT, abolished: 2015-01-01, successor: second}
                """.getBytes(StandardCharsets.UTF_8)));
        ResponsibilityDecision decision = new ResponsibilityRule(units)
                .decide(null, "first", Reconsideration.NONE, null, TODAY);
        assertThat(decision.leadUnit()).isEqualTo("today");
        assertThat(decision.explanation()).contains("一局 → 二局 → 三局 → 现局");
        // On a day before the last abolition, the third unit still handles it.
        assertThat(new ResponsibilityRule(units).decide(null, "first", Reconsideration.NONE, null,
                LocalDate.of(2023, 6, 1)).leadUnit()).isEqualTo("third");
    }
}
