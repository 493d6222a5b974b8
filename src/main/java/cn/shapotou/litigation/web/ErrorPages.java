package cn.shapotou.litigation.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Every error the servlet container renders (an unknown address, a webapp the user may not open, a failure) in
 * Chinese instead of Spring's English "Whitelabel Error Page" (README「界面语言」): a page with the way back to
 * Tasklist and the case register for a browser, and for a program asking JSON the shape of {@code /api}'s errors
 * ({@code {"errors":[{"field","message"}]}}), with {@code type} and {@code message} for the engine REST API's clients.
 * A server error is logged with a reference number the page shows, so an operator can find the English cause.
 */
@Controller
public class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final NavigationBar navigation;

    public ErrorPages(NavigationBar navigation) {
        this.navigation = navigation;
    }

    record Explanation(String title, String text) {}

    static Explanation explain(int status) {
        return switch (status) {
            case 400 -> new Explanation("请求有误", "提交的请求不完整或格式不正确，系统未能办理。请返回上一页重新操作。");
            case 401 -> new Explanation("尚未登录", "您尚未登录，或登录已过期。请先登录后再访问。");
            case 403 -> new Explanation("没有访问权限",
                    "您所在的单位或岗位没有使用该页面或功能的权限。如确因工作需要，请联系区司法局的系统管理员授权。");
            case 404 -> new Explanation("页面不存在", "您访问的页面不存在，可能是地址有误，或该页面已被移除。");
            case 405 -> new Explanation("不支持该操作", "该页面不支持此种请求方式。请返回上一页重新操作。");
            case 413 -> new Explanation("内容过大", "提交的内容超过了系统允许的大小。");
            default -> status >= 500
                    ? new Explanation("系统出错", "系统处理您的请求时出错，本次操作没有生效。请稍后重试；如仍出错，请告知系统管理员。")
                    : new Explanation("请求未能办理", "系统未能办理您的请求。请返回上一页重新操作。");
        };
    }

    @RequestMapping(value = "${server.error.path:${error.path:/error}}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(HttpServletRequest request) throws IOException {
        int status = status(request);
        return render(request, status, reason(request, status).orElse(null));
    }

    /** The Chinese page for {@code status}, {@code reason} (Chinese, may be null) before the general explanation. */
    public ResponseEntity<String> render(HttpServletRequest request, int status, String reason) throws IOException {
        Explanation explanation = explain(status);
        String reference = reference(request, status);
        String text = (reason == null ? "" : reason + " ") + explanation.text()
                + (reference == null ? "" : "（错误编号 " + reference + "）");
        String nav = navigation.forSignedIn(request, null).orElseGet(navigation::forNobody);
        String html = read("error/error.html")
                .replace(NavigationBar.PLACEHOLDER, nav)
                .replace("{{title}}", HtmlUtils.htmlEscape(explanation.title()))
                .replace("{{status}}", String.valueOf(status))
                .replace("{{text}}", HtmlUtils.htmlEscape(text))
                .replace("{{login}}", status == 401
                        ? "<p><a href=\"/camunda/app/tasklist/default/\">前往登录</a></p>" : "");
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
                .body(html);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
        int status = status(request);
        String reference = reference(request, status);
        Explanation explanation = explain(status);
        String message = explanation.title() + "：" + reason(request, status).map(r -> r + " ").orElse("")
                + explanation.text()
                + (reference == null ? "" : "（错误编号 " + reference + "）");
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, Object> body = uri instanceof String path && path.startsWith("/engine-rest")
                ? Map.of("type", explanation.title(), "message", message)
                : ApiErrorHandler.body(List.of(new FieldError(null, message)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
        // The webapps answer an unknown app (/camunda/app/nothing/) with a missing index.html: not found, no fault.
        for (Object e = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); e instanceof Throwable t;
                e = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileNotFoundException) {
                log.info("Not found, answered 404: {}", t.getMessage());
                return HttpStatus.NOT_FOUND.value();
            }
        }
        return status < 400 ? HttpStatus.INTERNAL_SERVER_ERROR.value() : status;
    }

    /** The Chinese reason a refusal of ours gave (a ResponseStatusException's), shown before the general text. */
    private static Optional<String> reason(HttpServletRequest request, int status) {
        if (status >= 500 || !(request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message)) {
            return Optional.empty();
        }
        return HAN.matcher(message).find() ? Optional.of(message.strip()) : Optional.empty();
    }

    /** A server error's reference number, logged with the request and its English cause for operators. */
    private static String reference(HttpServletRequest request, int status) {
        if (status < 500) {
            return null;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.error("Error {} answered {} for {}: {}", reference, status,
                request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                request.getAttribute(RequestDispatcher.ERROR_MESSAGE),
                error instanceof Throwable t ? t : null);
        return reference;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
