package cn.shapotou.litigation.robots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts one markdown message to a group robot and checks its answer.
 * <ul>
 * <li>DingTalk custom robot (钉钉开放平台「自定义机器人发送群消息」): {@code {"msgtype":"markdown","markdown":{"title","text"}}};
 * with 加签, {@code &timestamp=<ms>&sign=<sign>} is appended, sign = urlEncode(Base64(HmacSHA256(key: secret,
 * data: timestamp + "\n" + secret))), UTF-8; the timestamp must be within an hour of DingTalk's clock, so it is the
 * real time, never the engine's (test) clock.</li>
 * <li>WeCom group robot (企业微信「群机器人配置说明」): {@code {"msgtype":"markdown","markdown":{"content"}}} to the webhook
 * that carries the key; content at most 4096 bytes.</li>
 * </ul>
 * Both answer HTTP 200 with {@code errcode} 0 on success; anything else is a failure. Failures never carry the
 * webhook or the secret in their message.
 */
@Component
public class RobotClient {

    static final int DINGTALK_MAX_BYTES = 18000;
    static final int WECOM_MAX_BYTES = 4000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static class DeliveryException extends Exception {
        public DeliveryException(String message) {
            super(message);
        }
    }

    public void send(Robot robot, String title, String markdown) throws DeliveryException {
        String url;
        Map<String, Object> body;
        if (robot.channel() == Robot.Channel.DINGTALK) {
            url = robot.webhook();
            if (robot.secret() != null) {
                long timestamp = System.currentTimeMillis();
                url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                        + sign(timestamp, robot.secret());
            }
            body = Map.of("msgtype", "markdown",
                    "markdown", Map.of("title", title, "text", fit(markdown, DINGTALK_MAX_BYTES)));
        } else {
            url = robot.webhook();
            body = Map.of("msgtype", "markdown", "markdown", Map.of("content", fit(markdown, WECOM_MAX_BYTES)));
        }
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            // The exception's text may quote the URL: only its kind is reported.
            throw new DeliveryException("无法连接机器人（" + e.getClass().getSimpleName() + "）");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("发送被中断");
        }
        if (response.statusCode() != 200) {
            throw new DeliveryException("HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DeliveryException("机器人应答无法解析");
        }
        if (answer == null || !answer.path("errcode").canConvertToInt() || answer.path("errcode").asInt() != 0) {
            String errmsg = answer == null ? "" : answer.path("errmsg").asText("");
            throw new DeliveryException("errcode " + (answer == null ? "?" : answer.path("errcode").asText("?")) + " "
                    + Robot.mask(errmsg.length() > 200 ? errmsg.substring(0, 200) : errmsg));
        }
    }

    /** DingTalk 加签: urlEncode(Base64(HmacSHA256(secret, timestamp + "\n" + secret))), UTF-8. */
    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text cut at a line so that it fits the robot's limit, with a note that the rest is in the system. */
    static String fit(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        String more = "\n\n……（内容过长，其余请登录系统查看）";
        int budget = maxBytes - more.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (String line : text.split("\n", -1)) {
            int size = (line + "\n").getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.append(line).append('\n');
            used += size;
        }
        return kept.toString().stripTrailing() + more;
    }
}
