package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The welcome page offers our Chinese help (README「使用帮助」), not Camunda's English documentation. */
@IntegrationTest
@Tag("browser")
class HelpPageBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void theWelcomePageLinksToTheChineseHelp() throws Exception {
        try (Browser browser = SignIn.toTasklist(port, "natres")) {
            browser.open("/camunda/app/welcome/default/");
            WebElement help = browser.waiting(60).until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//a[contains(., '使用帮助')]")));
            assertThat(help.getAttribute("href")).endsWith("/help");
            String welcome = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(welcome).doesNotContain("Documentation", "docs.camunda");
            browser.open("/help");
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "期限规则"));
            assertThat(browser.driver().findElement(By.cssSelector(".page-nav")).getText())
                    .contains("待办任务", "案件台账", "使用帮助");
        }
    }
}
