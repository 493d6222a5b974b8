package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
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
 * A returned answer in Tasklist (Art. 10 ¶2, README「审核轮次（退回与重办）」): {@code justice} returns the answer materials with its
 * remarks; in round 2 {@code natres} sees, above its form, why they came back and what it had submitted, in Chinese only.
 * It then changes the legal representative and saves with 暂存: the certificate opened from the form (in a new tab)
 * names the new one.
 */
@IntegrationTest
@Tag("browser")
class ReviewRoundsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void theDraftingUnitSeesTheEarlierRoundInRoundTwo() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        walk.filePapers(caseNumber, "natural-resources");
        Map<String, Object> first = new HashMap<>(CaseWalk.materials(List.of(
                CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        first.put("evidenceList", "1. 现场勘验笔录（第一稿）");
        tasks.complete(walk.task(caseNumber, "PrepareAnswerTask").getId(), first);

        try (Browser browser = SignIn.atTask(port, "justice",
                walk.task(caseNumber, "ReviewAnswerTask").getId(), "审核答辩材料")) {
            assertThat(browser.all(By.xpath("//*[contains(@class,'fjs-container')]//*[contains(., '往轮审核记录')]")))
                    .as("round 1 has no earlier round").isEmpty();
            browser.click(By.xpath("//label[contains(., '退回承办单位修改')]"));
            browser.driver().findElement(By.cssSelector("textarea[id$='-reviewRemarks']"))
                    .sendKeys("证据目录缺少送达回证，请补充后重新提交", Keys.TAB);
            browser.completeTask();
        }
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).hasSize(1);

        try (Browser browser = SignIn.atTask(port, "natres",
                walk.task(caseNumber, "PrepareAnswerTask").getId(), "准备答辩材料")) {
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-container"), "往轮审核记录"));
            String form = browser.driver().findElement(By.cssSelector(".fjs-container")).getText();
            assertThat(form).contains("第 1 轮", "区司法局审核答辩材料：退回修改", "证据目录缺少送达回证，请补充后重新提交",
                    "当轮审核的稿件", "现场勘验笔录（第一稿）", "刘伟");
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('.fjs-container').scrollIntoView();");
            TasklistFormLanguageBrowserTest.assertChinese(browser, "round 2 of the answer");
            browser.screenshotForReadme("tasklist-review-rounds");

            // 暂存 a change; the documents of the form open in a new tab and are made with it (README「文书：暂存的内容、在新标签页打开」).
            String taskId = walk.task(caseNumber, "PrepareAnswerTask").getId();
            WebElement name = browser.driver().findElement(By.cssSelector("input[id$='-legalRepresentativeName']"));
            name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "赵区长", Keys.TAB);
            Thread.sleep(800);
            browser.click(By.xpath("//button[@ng-click='save($event)']"));
            browser.waiting(30).until(d -> String.valueOf(tasks.getVariableLocal(taskId, "savedDraft")).contains("赵区长"));
            WebElement link = browser.await(By.xpath("//a[contains(., '法定代表人身份证明书')]"));
            assertThat(link.getAttribute("target")).isEqualTo("_blank");
            assertThat(link.getAttribute("rel")).contains("noopener");
            assertThat(link.getAttribute("href")).endsWith("legal-representative-certificate.pdf?task=" + taskId);
            String pdf = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                            + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));"
                            + "}).catch(e => done('ERROR ' + e));", link.getAttribute("href"));
            try (var document = Loader.loadPDF(Base64.getDecoder().decode(pdf))) {
                assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", "")).contains("赵区长")
                        .doesNotContain("马区长");
            }

            // Opened with a change not yet saved: the form is saved first, the document opens in a new tab.
            WebElement post = browser.driver().findElement(By.cssSelector("input[id$='-legalRepresentativePost']"));
            post.sendKeys(Keys.chord(Keys.CONTROL, "a"), "代区长", Keys.TAB);
            Thread.sleep(800);
            browser.click(By.xpath("//a[contains(., '法定代表人身份证明书')]"));
            browser.waiting(30).until(d -> String.valueOf(tasks.getVariableLocal(taskId, "savedDraft")).contains("代区长"));
            browser.waiting(30).until(d -> d.getWindowHandles().size() == 2);
        }
    }
}
