package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk mistypes the password: the sign-in form keeps the user name, says in Chinese why and how long the engine
 * makes one wait, and the right password then signs in — on Tasklist and on Cockpit.
 */
@IntegrationTest
@Tag("browser")
class SignInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    @Test
    void aWrongPasswordKeepsTheUserNameAndExplainsTheWaitInChinese() throws Exception {
        try (Browser browser = new Browser("http://localhost:" + port)) {
            for (String app : new String[] {"tasklist", "cockpit"}) {
                // Whatever earlier sign-ins of the run left: the wait this test reads about starts from no failure.
                identity.unlockUser("justice");
                browser.logout();
                browser.open("/camunda/app/" + app + "/default/");
                WebElement form = browser.await(By.cssSelector("form[name=signinForm]"));
                form.findElement(By.cssSelector("input[ng-model=username]")).sendKeys("justice");
                form.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("not-the-password");
                form.findElement(By.cssSelector("button[type=submit]")).click();

                browser.waiting(90).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                        "连续输错密码后须稍候再登录"));
                browser.waiting(10).until(d -> "justice".equals(d.findElement(
                        By.cssSelector("form[name=signinForm] input[ng-model=username]")).getDomProperty("value")));
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertThat(page).as(app).contains("登录失败", "最长 60 秒", "系统管理员")
                        .doesNotContain("Login Failed", "Wrong credentials", "Username", "Password");
                if ("tasklist".equals(app)) {
                    browser.screenshotForReadme("signin-wrong-password");
                }

                form = browser.driver().findElement(By.cssSelector("form[name=signinForm]"));
                form.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
                form.findElement(By.cssSelector("button[type=submit]")).click();
                browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector("form[name=signinForm]")));
            }
        }
    }
}
