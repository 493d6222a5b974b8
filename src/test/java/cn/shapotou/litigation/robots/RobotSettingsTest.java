package cn.shapotou.litigation.robots;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.units.UnitDirectory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A unit's robots from application.yaml, their secrets from environment variables, never shown in full. */
class RobotSettingsTest {

    private static StandardEnvironment environment(Map<String, Object> yaml, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // Spring maps relaxed names only for a source of this name, as it does for the real environment.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        environment.getPropertySources().addLast(new MapPropertySource("application.yaml", yaml));
        return environment;
    }

    @Test
    void aSecretComesFromAnEnvironmentVariableByRelaxedBinding() {
        UnitDirectory directory = UnitDirectory.read("units.yaml",
                getClass().getResourceAsStream("/units.yaml"));
        RobotSettings settings = new RobotSettings(environment(Map.of(
                "litigation.robots.justice-bureau.dingtalk.webhook", "https://oapi.dingtalk.com/robot/send?access_token=t0k",
                "litigation.robots.justice-bureau.wecom.webhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k3y"),
                Map.of("LITIGATION_ROBOTS_JUSTICEBUREAU_DINGTALK_SECRET", "SECfrom-env",
                        "LITIGATION_ROBOTS_HOUSING_WECOM_WEBHOOK", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=h",
                        "LITIGATION_ROBOTS_NATURALRESOURCES_DINGTALK_WEBHOOK",
                        "https://oapi.dingtalk.com/robot/send?access_token=n",
                        "LITIGATION_ROBOTS_DISTRICTLEADERS_WECOM_WEBHOOK",
                        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=l")), directory);

        assertThat(settings.of("justice-bureau")).hasSize(2);
        Robot dingtalk = settings.of("justice-bureau").get(0);
        assertThat(dingtalk.channel()).isEqualTo(Robot.Channel.DINGTALK);
        assertThat(dingtalk.secret()).isEqualTo("SECfrom-env");
        assertThat(dingtalk.masked()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=***");
        assertThat(dingtalk.toString()).doesNotContain("t0k", "SECfrom-env");
        assertThat(settings.of("justice-bureau").get(1).masked()).endsWith("key=***");
        // A unit can be configured by environment variables alone, its id's '-' left out.
        assertThat(settings.of("housing")).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("housing:wecom"));
        assertThat(settings.of("natural-resources")).singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("natural-resources:dingtalk"));
        assertThat(settings.of("district-leaders")).hasSize(1);
        assertThat(settings.units()).doesNotContain("naturalresources", "districtleaders", "justicebureau");
        assertThat(settings.of("transport")).isEmpty();
    }

    @Test
    void theDingTalkSignatureIsTheDocumentedOne() {
        // HmacSHA256(key "SECabc", "1700000000000\nSECabc"), Base64, URL-encoded (+, / and = escaped).
        String sign = RobotClient.sign(1700000000000L, "SECabc");
        assertThat(sign).doesNotContain("+", "/", "=");
        assertThat(java.net.URLDecoder.decode(sign, java.nio.charset.StandardCharsets.UTF_8)).hasSize(44);
    }

    @Test
    void aLongMessageIsCutToTheRobotsLimitAtALine() {
        String text = "- 一行提醒内容\n".repeat(1000);
        String fitted = RobotClient.fit(text, RobotClient.WECOM_MAX_BYTES);
        assertThat(fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(RobotClient.WECOM_MAX_BYTES);
        assertThat(fitted).endsWith("其余请登录系统查看）").contains("- 一行提醒内容\n");
    }
}
