package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clerk's first hour: {@code office} registers a complaint copy with the Chinese start form in Tasklist, and
 * {@code justice} finds 拟定办理建议 with the lead unit already computed by Art. 4.
 */
@IntegrationTest
@Tag("browser")
class TasklistIntakeBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Test
    void officeRegistersAndJusticeSeesTheProposalWithTheComputedLeadUnit() throws Exception {
        String caseNumber = TestCases.newCaseNumber();
        try (Browser browser = SignIn.toTasklist(port, "office")) {
            browser.await(By.cssSelector(".start-process-action a, [cam-widget-header] .start-process-action"));
            browser.screenshot("tasklist-office-home");
            // Chinese for a Chinese browser (README「界面语言」): our own locale, the district's header, no Camunda 8 banner.
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "发起流程"));
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(page).contains("行政应诉管理系统", "本单位待办").doesNotContain("Start process", "migrate to Camunda 8");
            browser.driver().findElement(By.cssSelector(".start-process-action a")).click();
            browser.await(By.xpath("//a[contains(normalize-space(.), '行政应诉案件')]")).click();

            WebElement form = browser.await(By.cssSelector(".fjs-container"));
            browser.await(By.xpath("//*[contains(text(), '登记应诉通知书')]"));
            fill(browser, "caseNumber", caseNumber);
            fill(browser, "court", "中卫市沙坡头区人民法院");
            fill(browser, "plaintiff", "王某某");
            fill(browser, "causeOfAction", "不动产登记");
            // dates are typed as yyyy-MM-dd whatever the browser's own date format (README「界面语言」)
            LocalDate yesterday = LocalDate.now().minusDays(1);
            WebElement date = form.findElement(By.cssSelector("input[id$='-noticeReceivedOn-date']"));
            date.sendKeys(yesterday.toString());
            date.sendKeys(Keys.ENTER);
            selectOption(browser, "actingUnit", "区自然资源局");
            browser.driver().findElement(By.xpath("//label[contains(., '未经复议')]")).click();
            browser.screenshot("tasklist-office-start-form");
            browser.driver().findElement(By.xpath("//div[contains(@class,'modal')]//button[contains(., '发起') or contains(., 'Start')]")).click();
            browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
            browser.screenshot("tasklist-office-started");
        }

        Task proposal = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(proposal).isNotNull();
        assertThat(proposal.getName()).isEqualTo("拟定办理建议");

        try (Browser browser = SignIn.toTasklist(port, "justice")) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + proposal.getId());
            browser.await(By.cssSelector(".fjs-container"));
            browser.await(By.xpath("//*[contains(text(), '拟定办理建议')]"));
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-container"), "区自然资源局"));
            browser.screenshotForReadme("tasklist-justice-proposal");
            assertThat(browser.driver().findElement(By.cssSelector(".fjs-container")).getText())
                    .contains(caseNumber).contains("第四条第二款");
        }
    }

    private static void fill(Browser browser, String key, String value) {
        WebElement input = browser.driver().findElement(By.cssSelector("input[id$='-" + key + "']"));
        input.sendKeys(value);
    }

    private static void selectOption(Browser browser, String key, String label) {
        WebElement input = browser.driver().findElement(By.cssSelector("input[id$='-" + key + "-search'], input[id$='-" + key + "']"));
        input.click();
        input.sendKeys(label);
        browser.await(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '" + label + "')]")).click();
    }
}
