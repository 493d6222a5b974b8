package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;

/**
 * End listener that refuses a completed form with a required field left empty, naming it in Chinese. Used by class
 * with a field {@code fields} such as {@code "conclusions:论证意见,reportText:报告内容"}; a new instance each call, so
 * the injected field is never shared between threads.
 */
public class RequiredFields implements ExecutionListener {

    private Expression fields;

    public void setFields(Expression fields) {
        this.fields = fields;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (String spec : fields.getExpressionText().split(",")) {
            String[] parts = spec.strip().split(":", 2);
            Object value = execution.getVariable(parts[0]);
            if (value == null || value instanceof String s && s.isBlank()) {
                errors.add(new FieldError(parts[0], parts[1] + "为必填项"));
            }
        }
        if (!errors.isEmpty()) {
            throw FormRefusal.of(errors);
        }
    }
}
