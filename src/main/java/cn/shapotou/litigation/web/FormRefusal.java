package cn.shapotou.litigation.web;

import cn.shapotou.litigation.engine.FormFieldRefusal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A refused form submission. Thrown from start and end listeners (by delegate expression, never wrapped), it rolls the
 * submission back and reaches Tasklist and the REST APIs as a 400 naming each field by its Chinese label (the field id
 * stays in each {@link FieldError} for programs); the errors ride along as detail. The engine REST API shows the
 * message without its English prefix ({@link EngineRestErrors}).
 */
public final class FormRefusal {

    private FormRefusal() {}

    public static FormFieldRefusal of(List<FieldError> errors) {
        return of("提交的内容未通过校验", errors);
    }

    public static FormFieldRefusal of(String title, List<FieldError> errors) {
        String message = errors.stream().map(FieldError::message).collect(Collectors.joining("；"));
        return new FormFieldRefusal(errors, title + "：" + message);
    }

    /** The field errors a refusal of {@link #of} carries, so a check can add them to its own and refuse once. */
    public static List<FieldError> errorsOf(Throwable refusal) {
        Object detail = FormFieldRefusal.detailOf(refusal);
        if (detail instanceof List<?> list) {
            return list.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast).toList();
        }
        return List.of(new FieldError(null, refusal.getMessage()));
    }
}
