package cn.shapotou.litigation.web;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A refused form submission. Thrown from start and end listeners (by delegate expression, never wrapped), it rolls the
 * submission back and reaches Tasklist and the REST APIs as a 400 naming each field; the errors ride along as detail.
 */
public final class FormRefusal {

    private FormRefusal() {}

    public static FormFieldValidationException of(List<FieldError> errors) {
        return of("提交的内容未通过校验", errors);
    }

    public static FormFieldValidationException of(String title, List<FieldError> errors) {
        String message = errors.stream().map(FieldError::message).collect(Collectors.joining("；"));
        return new FormFieldValidationException(errors, title + "：" + message);
    }
}
