package cn.shapotou.litigation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Our own Chinese help at {@code /help} (README「使用帮助」), and the welcome page links to it instead of Camunda's
 * English documentation.
 */
@IntegrationTest
class HelpPageTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void theHelpPageIsChineseAndOpenBeforeSigningIn() {
        ResponseEntity<String> help = rest.getForEntity("/help", String.class);
        assertThat(help.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(help.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(help.getBody()).contains("<html lang=\"zh-CN\">", "使用帮助", "登记案件", "办理任务", "认领", "暂存",
                "审核与退回", "往轮审核记录", "督办", "期限规则", "行政诉讼法第六十七条第一款", "10个工作日",
                "期限当日 24 时前办理的都不逾期", "登录（待办任务）").doesNotContain("<!--page-navigation-->", "docs.camunda");
    }

    @Test
    void theWelcomePageLinksToOurHelpNotToCamundasDocumentation() throws Exception {
        String config;
        try (InputStream in = new ClassPathResource(
                "META-INF/resources/webjars/camunda/app/welcome/scripts/config.js").getInputStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(config).contains("links:", "href: '/help'", "使用帮助").doesNotContain("docs.camunda.org");
        assertThat(rest.getForObject("/camunda/app/welcome/scripts/config.js", String.class)).contains("/help");
    }
}
