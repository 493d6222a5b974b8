package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code justice} on an office screen (1366×768): the register lists the cases, the search finds one by its number,
 * its link opens the case page with the deadlines and how each was counted, the stages with a returned answer's
 * second round and the review opinion, the court documents and the case file with download links. A unit that does
 * not take part in the case gets the Chinese 404 page.
 */
@IntegrationTest
@Tag("browser")
class CasePagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void justiceFindsACaseInTheRegisterAndReadsItsPage() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        LocalDate today = LocalDate.now();
        // A few cases at different stages, so that the register shows what a district has on its desk.
        Map<String, Object> fresh = TestCases.natresCase();
        fresh.put("plaintiff", "王某某");
        fresh.put("causeOfAction", "政府信息公开");
        fresh.put("noticeReceivedOn", today.minusDays(1).toString());
        walk.register(fresh);
        Map<String, Object> late = TestCases.natresCase();
        late.put("plaintiff", "李某某");
        late.put("causeOfAction", "责令停产停业");
        late.put("noticeReceivedOn", today.minusDays(20).toString());
        walk.register(late);
        Map<String, Object> delivered = TestCases.natresCase();
        delivered.put("plaintiff", "宁夏某某建材有限公司");
        delivered.put("causeOfAction", "采矿许可撤销");
        delivered.put("noticeReceivedOn", today.minusDays(8).toString());
        String deliveredNumber = (String) delivered.get("caseNumber");
        walk.register(delivered);
        walk.approveProposal(deliveredNumber);
        walk.deliverAnswer(deliveredNumber, today.minusDays(1).toString());

        Map<String, Object> data = TestCases.natresCase();
        data.put("plaintiff", "赵某某");
        data.put("causeOfAction", "土地行政处罚");
        data.put("noticeReceivedOn", today.minusDays(5).toString());
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        walk.filePapers(caseNumber, "natural-resources");
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(),
                CaseWalk.materials(List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        String review = walk.task(caseNumber, "ReviewAnswerTask").getId();
        tasks.claim(review, "justice");
        tasks.complete(review, Map.of("reviewPassed", false, "reviewRemarks", "请补充现场勘验的送达回证"));
        assertThat(TestCases.courtDocument(rest, caseNumber, Map.of("kind", "HEARING_NOTICE",
                "receivedOn", today.toString(), "hearingDate", today.plusDays(20).toString()))
                .getStatusCode().value()).isEqualTo(201);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.driver().manage().window().setSize(new Dimension(1366, 768));
            browser.open("/cases");
            browser.await(By.cssSelector("form[name=signinForm]"));
            browser.loginToTasklist("justice", "demo");
            browser.consoleErrors();

            browser.open("/cases");
            loaded(browser, "1");
            assertThat(browser.driver().findElement(By.cssSelector(".page-nav")).getText())
                    .contains("待办任务", "案件台账", "年度统计", "监督（Cockpit）", "李强（区司法局）");
            String all = browser.driver().findElement(By.id("cases")).getText();
            assertThat(all).contains(caseNumber, deliveredNumber, "赵某某", "区自然资源局", "答辩准备");
            assertThat(browser.driver().findElement(By.id("total")).getText()).matches("共 \\d+ 件");
            assertThat(browser.driver().findElement(By.id("export")).getAttribute("href"))
                    .contains("/api/cases?", "format=xlsx");
            browser.screenshotForReadme("cases-register");

            // The unit filter from the unit directory, sorting by case number from the column's head.
            new Select(browser.driver().findElement(By.cssSelector("select[name=unit]"))).selectByVisibleText("区自然资源局");
            loaded(browser, "2");
            assertThat(browser.driver().getCurrentUrl()).contains("unit=natural-resources");
            // The register's unit filter takes every case the unit takes part in (a co-handled one led by another).
            assertThat(browser.driver().findElement(By.id("cases")).getText()).contains(caseNumber, deliveredNumber);
            browser.click(By.cssSelector("th[data-sort=caseNumber]"));
            loaded(browser, "3");
            assertThat(browser.driver().getCurrentUrl()).contains("sort=caseNumber%2Cdesc");
            assertThat(browser.driver().findElement(By.cssSelector("th[data-sort=caseNumber]")).getText()).endsWith("▼");
            browser.click(By.id("clear"));
            loaded(browser, "4");

            // Other tests' cases share the database: find the late one by its number, not on the first page.
            WebElement search = browser.driver().findElement(By.cssSelector("input[name=q]"));
            search.sendKeys((String) late.get("caseNumber"), Keys.ENTER);
            loaded(browser, "5");
            assertThat(browser.all(By.cssSelector("#cases td.overdue-count"))).as("the late case's overdue items in red")
                    .isNotEmpty();
            search = browser.driver().findElement(By.cssSelector("input[name=q]"));
            search.clear();
            search.sendKeys(caseNumber, Keys.ENTER);
            loaded(browser, "6");
            List<WebElement> rows = browser.all(By.cssSelector("#cases tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains(caseNumber, "赵某某", "土地行政处罚", "区自然资源局");
            assertThat(browser.driver().getCurrentUrl()).contains("q=");
            assertThat(browser.driver().findElement(By.id("total")).getText()).isEqualTo("共 1 件");

            rows.get(0).findElement(By.cssSelector("td.case-number a")).click();
            browser.waiting(30).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/"
                    + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20"));
            assertThat(browser.driver().findElement(By.id("title")).getText()).isEqualTo(caseNumber);
            assertThat(browser.driver().findElement(By.id("facts")).getText())
                    .contains("赵某某", "土地行政处罚", "区自然资源局（第四条第二款）", "第一审");
            String deadlines = browser.driver().findElement(By.id("deadlines")).getText();
            assertThat(deadlines).contains("法定答辩期限", "准备答辩材料", "起算", "行政诉讼法");
            assertThat(browser.all(By.cssSelector("#deadlines .state"))).isNotEmpty();
            String timeline = browser.driver().findElement(By.id("timeline")).getText();
            assertThat(timeline).contains("应诉通知登记与办理建议", "拟定办理建议", "区司法局", "区政府领导", "答辩准备",
                    "审核答辩材料", "李强（区司法局）", "请补充现场勘验的送达回证", "第2轮（退回后重办）");
            assertThat(browser.driver().findElement(By.id("documents")).getText()).contains("开庭传票", "开庭日期");
            String files = browser.driver().findElement(By.id("files")).getText();
            assertThat(files).contains("答辩状", "答辩状.docx", "现场勘验笔录.pdf", "第1版");
            assertThat(browser.driver().findElement(By.linkText("现场勘验笔录.pdf")).getAttribute("href"))
                    .contains("/api/cases/", "/files/");
            assertThat(browser.driver().findElement(By.id("dossier")).getAttribute("href")).endsWith("/dossier.zip");
            assertThat(browser.consoleErrors()).as("console").isEmpty();
            browser.driver().manage().window().setSize(new Dimension(1366, 1500));
            browser.screenshotForReadme("case-page");

            // Another unit's clerk: the case does not exist for them.
            browser.logout();
            browser.loginToTasklist("housing", "demo");
            browser.open("/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20"));
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "未找到案件"));
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("您无权查看")
                    .doesNotContain("赵某某");
            assertThat(browser.driver().findElement(By.cssSelector(".page-nav")).getText())
                    .doesNotContain("年度统计", "Cockpit");
        }
    }

    private static void loaded(Browser browser, String count) {
        browser.waiting(30).until(d -> count.equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }
}
