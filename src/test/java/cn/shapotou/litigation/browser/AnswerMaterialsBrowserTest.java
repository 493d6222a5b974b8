package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 7-day answer as its users do it in Tasklist: {@code natres} fills the answer materials, {@code justice} returns
 * them once, {@code natres} corrects and resubmits, {@code office} opens the power of attorney and seals and delivers.
 */
@IntegrationTest
@Tag("browser")
class AnswerMaterialsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void answerReturnedOnceThenSealedAndDelivered() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        // The 答辩状 and the evidence are files in the case file (CaseFileBrowserTest uploads through the tab).
        walk.filePapers(caseNumber, "natural-resources");

        try (Browser browser = SignIn.atTask(port, "natres",
                walk.task(caseNumber, "PrepareAnswerTask").getId(), "准备答辩材料")) {
            type(browser, "textarea[id$='-draftDefence']", "答辩人作出的处罚决定认定事实清楚。");
            type(browser, "textarea[id$='-evidenceList']", "1. 现场勘验笔录");
            type(browser, "textarea[id$='-normativeDocuments']", "《中华人民共和国土地管理法》第七十七条");
            type(browser, "input[id$='-legalRepresentativeName']", "马区长");
            type(browser, "input[id$='-legalRepresentativePost']", "区长");
            type(browser, "input[id$='-agent1Name']", "刘伟");
            type(browser, "input[id$='-agent1Post']", "执法科科长");
            WebElement unit = browser.driver().findElement(By.cssSelector("input[id$='-agent1Unit']"));
            unit.click();
            unit.sendKeys("区自然资源局");
            browser.await(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '区自然资源局')]")).click();
            browser.click(By.xpath("(//label[contains(., '行政机关工作人员')])[1]"));
            browser.click(By.xpath("(//label[contains(., '被诉行政行为的承办人或熟悉相关业务')])[1]"));
            browser.click(By.xpath("(//label[normalize-space(.)='一般授权'])[1]"));
            browser.screenshot("tasklist-natres-prepare-answer");
            browser.completeTask();
        }
        assertThat(walk.tasks(caseNumber, "ReviewAnswerTask")).hasSize(1);

        try (Browser browser = SignIn.atTask(port, "justice",
                walk.task(caseNumber, "ReviewAnswerTask").getId(), "审核答辩材料")) {
            assertThat(browser.driver().findElement(By.cssSelector(".fjs-container")).getText()).contains("刘伟", "现场勘验笔录");
            browser.click(By.xpath("//label[contains(., '退回承办单位修改')]"));
            type(browser, "textarea[id$='-reviewRemarks']", "证据清单缺少送达回证");
            browser.screenshot("tasklist-justice-review-return");
            browser.completeTask();
        }

        try (Browser browser = SignIn.atTask(port, "natres",
                walk.task(caseNumber, "PrepareAnswerTask").getId(), "准备答辩材料")) {
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-container"), "证据清单缺少送达回证"));
            WebElement evidence = browser.driver().findElement(By.cssSelector("textarea[id$='-evidenceList']"));
            assertThat(evidence.getAttribute("value")).as("the returned answer comes back filled in").isEqualTo("1. 现场勘验笔录");
            evidence.sendKeys(Keys.END, "\n2. 送达回证", Keys.TAB);
            browser.screenshot("tasklist-natres-rework");
            browser.completeTask();
        }
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));

        try (Browser browser = SignIn.atTask(port, "office",
                walk.task(caseNumber, "SealAndDeliverTask").getId(), "盖章送达")) {
            WebElement link = browser.await(By.xpath("//a[contains(., '授权委托书')]"));
            String pdf = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                            + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));"
                            + "}).catch(e => done('ERROR ' + e));", link.getAttribute("href"));
            byte[] bytes = Base64.getDecoder().decode(pdf);
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(Browser.SCREENSHOTS.resolve("power-of-attorney.pdf"), bytes);
            try (var document = Loader.loadPDF(bytes)) {
                assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                        .contains("授权委托书", "刘伟", "执法科科长", "区自然资源局", caseNumber);
            }
            browser.click(By.xpath("//label[contains(., '已加盖区人民政府公章')]"));
            WebElement date = browser.driver().findElement(By.cssSelector("input[id$='-deliveredOn-date']"));
            java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
            date.sendKeys(yesterday.toString());
            date.sendKeys(Keys.ENTER);
            browser.click(By.xpath("//label[contains(., '当面递交')]"));
            browser.screenshot("tasklist-office-seal-and-deliver");
            browser.completeTask();
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("answer-preparation").count()).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .activityId("DecisionReceivedEvent").count()).isEqualTo(1);
    }

    private static void type(Browser browser, String css, String text) {
        browser.driver().findElement(By.cssSelector(css)).sendKeys(text, Keys.TAB);
    }
}
