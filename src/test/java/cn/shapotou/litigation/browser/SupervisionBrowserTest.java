package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code justice} sees an overdue case on Cockpit's dashboard panel and in Tasklist's 已逾期 filter. */
@IntegrationTest
@Tag("browser")
class SupervisionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    LegalClock clock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    /** Attempts of this test in one JVM: surefire reruns a failed test in the same database (README「运行测试」). */
    private static final java.util.concurrent.atomic.AtomicInteger ATTEMPTS = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void theJusticeBureauSeesTheOverdueCaseInCockpitAndTasklist() throws Exception {
        // Received 60 days ago, and ten days earlier on each rerun: longer overdue than the other tests' cases (40 days
        // at most) and than an earlier attempt's, so that its task comes first in Tasklist's 已逾期 (sorted by due date)
        // however many of theirs share the database by then. Ten days, so that no weekend or holiday moves two
        // attempts' deadlines onto the same day.
        int daysAgo = 60 + 10 * ATTEMPTS.getAndIncrement();
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        data.put("noticeReceivedOn", clock.today().minusDays(daysAgo).toString());
        rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class);
        // A second case approved only today: its answer materials are due by the long-passed statutory day, so the
        // natural resources bureau holds an overdue answer (Art. 10 ¶2, ALL Art. 67) — two units on the panel.
        Map<String, Object> second = TestCases.natresCase();
        second.put("noticeReceivedOn", clock.today().minusDays(daysAgo).toString());
        rest.withBasicAuth("office", "demo").postForEntity("/api/cases", second, Map.class);
        new CaseWalk(runtime, tasks).approveProposal((String) second.get("caseNumber"));
        cn.shapotou.litigation.escalation.OverdueTimers.fireDue(engine, caseNumber, (String) second.get("caseNumber"));
        watch.sweep();

        try (Browser browser = SignIn.toTasklist(port, "justice")) {
            openCockpitDashboard(browser);
            String panel = browser.driver().findElement(By.cssSelector(".litigation-overdue")).getText();
            assertThat(panel).as("the panel, with the server's list: %s", rest.withBasicAuth("justice", "demo")
                    .getForObject("/api/supervision/overdue", String.class)).contains(caseNumber);
            // The Justice Bureau opens Cockpit for this list: it comes before Camunda's own sections.
            assertThat(browser.driver().findElement(By.cssSelector(".litigation-overdue")).getLocation().getY())
                    .as("the overdue panel first on the dashboard")
                    .isLessThan(browser.driver().findElement(By.cssSelector(".dashboard section.actual"))
                            .getLocation().getY());
            assertThat(panel).contains("逾期事项（按承办单位）", "区自然资源局", "法定答辩期限", "区司法局", "拟定办理建议");
            String casePage = "/cases/" + java.net.URLEncoder.encode(caseNumber, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
            assertThat(browser.all(By.cssSelector(".litigation-overdue a[target=_blank]")))
                    .as("each case number opens the case page").anySatisfy(a -> assertThat(a.getAttribute("href"))
                            .endsWith(casePage));
            assertThat(browser.all(By.cssSelector(".litigation-overdue a[href*='process-instance']")))
                    .as("and its process instance beside it").isNotEmpty();
            browser.screenshotForReadme("cockpit-overdue-panel");

            browser.open("/camunda/app/tasklist/default/");
            By overdueFilter = By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter ')]"
                    + "[.//h4[contains(normalize-space(.), '已逾期')]]");
            // Tasklist's first load reads every filter's count: slow on a loaded machine.
            browser.waiting(60).until(ExpectedConditions.visibilityOfElementLocated(overdueFilter)).click();
            // Until Tasklist shows 已逾期 as the chosen filter, the list is still 本单位待办's (newest first, Tasklist's
            // default sorting), in which this case's task may be past the first page.
            browser.waiting(30).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(
                    ExpectedConditions.attributeContains(overdueFilter, "class", "active"));
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-tasks]"), "拟定办理建议"));
            // Each overdue task of the list is marked and says by how much, with its full case number and due day.
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[cam-tasks]"), caseNumber));
            java.util.List<org.openqa.selenium.WebElement> late = browser.all(By.cssSelector(
                    "[cam-tasks] li.litigation-task-overdue"));
            assertThat(late).as("overdue tasks are marked in the list").isNotEmpty();
            assertThat(late).anySatisfy(card -> assertThat(card.getText()).contains(caseNumber, "拟定办理建议")
                    .containsPattern("期限 \\d{4}-\\d{2}-\\d{2} 已逾期 \\d+ 日"));
            // The pointer off the filter, so that its description does not cover the filter list in the screenshot.
            new org.openqa.selenium.interactions.Actions(browser.driver()).moveToLocation(900, 600).perform();
            browser.waiting(10).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tooltip")));
            browser.screenshotForReadme("tasklist-overdue-list");
        }
    }

    /**
     * Opens Cockpit's dashboard and waits until the overdue panel has read the list, whatever it says, so that a
     * failure shows what it said. Cockpit builds its plugins on the server on first use; on a busy two-core machine its
     * first page has once stayed without the panel for two minutes, so a page that has not shown it within a minute is
     * loaded once more, and a page that never does fails with what it showed instead.
     */
    private static void openCockpitDashboard(Browser browser) throws java.io.IOException {
        java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> panelRead = d -> d.findElements(
                By.cssSelector(".litigation-overdue-body")).stream().anyMatch(body -> !body.getText().contains("正在读取"));
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        try {
            browser.waiting(60).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(panelRead);
            return;
        } catch (org.openqa.selenium.TimeoutException first) {
            browser.screenshot("cockpit-dashboard-without-panel");
            browser.driver().navigate().refresh();
        }
        try {
            browser.waiting(120).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(panelRead);
        } catch (org.openqa.selenium.TimeoutException again) {
            throw new AssertionError("Cockpit's dashboard shows no overdue panel after a reload: "
                    + browser.driver().findElement(By.tagName("body")).getText(), again);
        }
    }
}
