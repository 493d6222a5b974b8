package cn.shapotou.litigation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages' navigation bar offers only what the user may open: the annual report to its readers (Art. 19, 20),
 * Cockpit to the Justice Bureau and the administrators (Art. 3); Tasklist and the register to everybody.
 */
class PageNavigationTest {

    private static final String REPORT = "href=\"/reports/annual\"";
    private static final String COCKPIT = "href=\"/camunda/app/cockpit/\"";

    @Test
    void linksFollowTheRoles() {
        assertThat(PageNavigation.html(List.of("justice-bureau"), "李强（区司法局）", "/cases"))
                .contains("href=\"/camunda/app/tasklist/\"", "href=\"/cases\" class=\"current\"", REPORT, COCKPIT);
        assertThat(PageNavigation.html(List.of("district-leaders"), "王明（区政府领导）", null))
                .contains(REPORT).doesNotContain(COCKPIT);
        assertThat(PageNavigation.html(List.of("camunda-admin"), "demo", null)).contains(REPORT, COCKPIT);
        assertThat(PageNavigation.html(List.of("natural-resources"), "刘伟（区自然资源局）", null))
                .contains("href=\"/cases\"", "href=\"/help\"").doesNotContain(REPORT, COCKPIT, "current");
    }

    @Test
    void theUserNameIsEscaped() {
        assertThat(PageNavigation.html(List.of(), "<img src=x onerror=alert(1)>", null))
                .doesNotContain("<img").contains("&lt;img");
    }
}
