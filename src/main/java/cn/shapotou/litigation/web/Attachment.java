package cn.shapotou.litigation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers of a file streamed straight to the response: its type, and its Chinese name as RFC 6266 gives it. */
public final class Attachment {

    private Attachment() {}

    public static void start(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        // Bytes have no character set (the application's forced UTF-8 is for text).
        response.setCharacterEncoding((String) null);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
