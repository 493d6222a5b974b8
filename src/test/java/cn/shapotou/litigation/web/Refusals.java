package cn.shapotou.litigation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** Which fields a refusal names: by their ids in its {@link FieldError}s, as the message names them by label only. */
public final class Refusals {

    private Refusals() {}

    public static Consumer<Throwable> naming(String... fields) {
        return thrown -> {
            Throwable t = thrown;
            while (t != null && !(t instanceof FormFieldValidationException)) {
                t = t.getCause();
            }
            assertThat(t).as("a form refusal").isInstanceOf(FormFieldValidationException.class);
            assertThat(FormRefusal.errorsOf((FormFieldValidationException) t)).extracting(FieldError::field)
                    .contains(fields);
            assertThat(t.getMessage()).as("the message names fields by label only").doesNotContain(
                    java.util.Arrays.stream(fields).map(f -> "（" + f + "）").toArray(String[]::new));
        };
    }
}
