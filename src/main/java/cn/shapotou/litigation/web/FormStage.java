package cn.shapotou.litigation.web;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The rules of one stage process, by the activity they belong to: registered as the start listener of the stage and
 * the end listener of each of its tasks ({@code delegateExpression}, so a {@link FormRefusal} reaches Tasklist and
 * REST as the 400 it is). A cancelled activity (the case moved on, e.g. a decision interrupted the stage) is not
 * checked.
 */
public abstract class FormStage implements ExecutionListener {

    private final String process;

    protected FormStage(String process) {
        this.process = process;
    }

    /** The rule for each activity of the stage, by activity id. */
    protected abstract Map<String, Consumer<DelegateExecution>> rules();

    @Override
    public final void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Consumer<DelegateExecution> rule = rules().get(execution.getCurrentActivityId());
        if (rule == null) {
            throw new IllegalStateException(process + " has no rule for " + execution.getCurrentActivityId());
        }
        rule.accept(execution);
    }
}
