package cn.shapotou.litigation.robots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk and WeCom group robots in one embedded HTTP server, as their documentation describes them: a DingTalk robot
 * with 加签 checks {@code timestamp} (within an hour) and {@code sign} = urlEncode(Base64(HmacSHA256(secret,
 * timestamp + "\n" + secret))), recomputed here independently; both answer {@code {"errcode":0,"errmsg":"ok"}} or an
 * error code. A robot can be told to fail its next n requests.
 */
final class FakeRobot implements AutoCloseable {

    record Received(String channel, String token, JsonNode body, boolean signed) {
        String text() {
            return "dingtalk".equals(channel) ? body.path("markdown").path("text").asText()
                    : body.path("markdown").path("content").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> secrets;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> rejected = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    FakeRobot(int port, Map<String, String> secrets) throws IOException {
        this.secrets = secrets;
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/robot/send", e -> handle(e, "dingtalk", "access_token"));
        server.createContext("/cgi-bin/webhook/send", e -> handle(e, "wecom", "key"));
        server.start();
    }

    /** The robot with this token or key answers its next {@code n} requests with an error. */
    void failNext(String token, int n) {
        failures.computeIfAbsent(token, k -> new AtomicInteger()).set(n);
    }

    List<Received> of(String token) {
        return received.stream().filter(r -> token.equals(r.token())).toList();
    }

    private void handle(HttpExchange exchange, String channel, String tokenParameter) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String token = query.get(tokenParameter);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String answer;
        AtomicInteger failing = failures.get(token);
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer = "{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}";
        } else if ("dingtalk".equals(channel) && secrets.containsKey(token) && !signatureValid(query, secrets.get(token))) {
            rejected.add(token);
            answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
        } else if (!"markdown".equals(body.path("msgtype").asText())) {
            rejected.add(token);
            answer = "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}";
        } else {
            received.add(new Received(channel, token, body, query.containsKey("sign")));
            answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static boolean signatureValid(Map<String, String> query, String secret) {
        String timestamp = query.get("timestamp");
        String sign = query.get("sign");
        if (timestamp == null || sign == null
                || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(sign);
        } catch (Exception e) {
            return false;
        }
    }

    /** The query's parameters, URL-decoded (so a sign must have been URL-encoded to survive). */
    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                result.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return result;
    }

    List<String> tokens() {
        return new ArrayList<>(received.stream().map(Received::token).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
