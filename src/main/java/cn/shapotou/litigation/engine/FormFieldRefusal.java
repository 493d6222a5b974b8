package cn.shapotou.litigation.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A refused form submission as the engine knows it: Tasklist shows its message at the form and the engine REST API
 * answers 400 (README「接口」). The detail carries what the application adds (the refused fields).
 */
public class FormFieldRefusal extends FormFieldValidationException {

    public FormFieldRefusal(Object detail, String message) {
        super(detail, message);
    }

    /** Whether t is a form refusal, ours or the engine's own (a field a form requires, left empty). */
    public static boolean isRefusal(Throwable t) {
        return t instanceof FormFieldValidationException;
    }

    /** The detail of a form refusal, ours or the engine's; null for anything else. */
    public static Object detailOf(Throwable t) {
        return t instanceof FormFieldValidationException refusal ? refusal.getDetail() : null;
    }
}
