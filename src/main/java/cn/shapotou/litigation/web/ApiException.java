package cn.shapotou.litigation.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Refuses a request with a status and Chinese messages; nothing it touched is kept (README「接口」). */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, List<FieldError> errors) {
        super(errors.isEmpty() ? status.toString() : errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String field, String message) {
        this(status, List.of(new FieldError(field, message)));
    }

    /** A refusal whose own message (a log line, an incident) differs from what the API answers. */
    protected ApiException(String message, HttpStatus status, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
