package cn.shapotou.litigation.web;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of {@code /api} as {@code {"errors":[{"field","message"}]}} with a Chinese message (README「接口」). */
@RestControllerAdvice(basePackages = "cn.shapotou.litigation")
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    public static Map<String, Object> body(List<FieldError> errors) {
        return Map.of("errors", errors);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(body(e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge) {
                return status(HttpStatus.PAYLOAD_TOO_LARGE, null, RequestSizeLimit.MESSAGE);
            }
        }
        return status(HttpStatus.BAD_REQUEST, null, "请求内容不是有效的 JSON 对象");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        boolean json = e.getSupportedMediaTypes().isEmpty()
                || e.getSupportedMediaTypes().contains(org.springframework.http.MediaType.APPLICATION_JSON);
        boolean multipart = e.getSupportedMediaTypes().contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        String expected = json && multipart ? "JSON（Content-Type: application/json），或带文件的 multipart/form-data"
                : multipart ? "multipart/form-data（带文件）" : "JSON（Content-Type: application/json）";
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "请求内容须为 " + expected);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> uploadTooLarge(Exception e) {
        return status(HttpStatus.PAYLOAD_TOO_LARGE, "file", RequestSizeLimit.MULTIPART_MESSAGE);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Map<String, Object>> multipart(org.springframework.web.multipart.MultipartException e) {
        return status(HttpStatus.BAD_REQUEST, "file", "上传的内容不完整或格式不正确，请重新上传");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return status(HttpStatus.METHOD_NOT_ALLOWED, null, "不支持该请求方法：" + e.getMethod());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return status(HttpStatus.BAD_REQUEST, e.getParameterName(), "缺少参数 " + e.getParameterName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return status(HttpStatus.BAD_REQUEST, e.getName(), "参数 " + e.getName() + " 的格式不正确");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
        return status(HttpStatus.NOT_FOUND, null, "没有这个地址");
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
        return status(HttpStatus.FORBIDDEN, null, "无权执行此操作");
    }

    /**
     * Someone else changed the same case at the same moment and the engine kept theirs (engine calls on their own are
     * run again by operations.ConcurrentUpdateRetry; these come from inside a transaction of ours). Nothing was saved.
     */
    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ResponseEntity<Map<String, Object>> conflict(org.camunda.bpm.engine.OptimisticLockingException e) {
        log.info("Concurrent update refused in /api: {}", e.getMessage());
        return status(HttpStatus.CONFLICT, null, "该案件刚刚被其他人同时修改，本次提交未保存，请刷新后重新提交");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("Unexpected error in /api", e);
        return status(HttpStatus.INTERNAL_SERVER_ERROR, null, "系统内部错误，请联系管理员");
    }

    private static ResponseEntity<Map<String, Object>> status(HttpStatus status, String field, String message) {
        return ResponseEntity.status(status).body(body(List.of(new FieldError(field, message))));
    }
}
