package cn.shapotou.litigation.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request to {@code /api} needs more than a few kilobytes (the longest field is a 4,000-character summary): a larger
 * body is refused with 413 — at once when its length is declared, after 256 KB when it is sent in chunks — so nobody can
 * tie up the server's memory with one request. The one exception is a file for the case file, sent as
 * {@code multipart/form-data}: the servlet container writes its parts to disk and limits them itself
 * ({@code spring.servlet.multipart}); here a declared length beyond that limit is refused before anything is read.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    public static final long MAX_BYTES = 256 * 1024;
    static final String MESSAGE = "请求内容过大（上限 256 KB）";
    /** 50 MiB a file (casefile/CaseFiles) and room for the form fields beside it. */
    static final long MULTIPART_MAX_BYTES = 51L * 1024 * 1024;
    static final String MULTIPART_MESSAGE = "文件过大：每个文件不超过 50 MiB，请分册扫描后分别上传";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown by the body's stream past the limit; {@link ApiErrorHandler} answers it with 413. */
    public static class TooLarge extends IOException {
        TooLarge() {
            super(MESSAGE);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (request.getContentLengthLong() > (multipart ? MULTIPART_MAX_BYTES : MAX_BYTES)) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getOutputStream(), ApiErrorHandler.body(List.of(
                    new FieldError(multipart ? "file" : null, multipart ? MULTIPART_MESSAGE : MESSAGE))));
            return;
        }
        chain.doFilter(multipart ? request : new Limited(request), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > MAX_BYTES) {
                            throw new TooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > MAX_BYTES) {
                            throw new TooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
