package cn.shapotou.litigation.casecore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a stage of {@code litigation-case} gets from the case and gives back to it: the variable mapping of the call
 * activity ({@code camunda:variableMappingDelegateExpression}), so that the names are written once, here, instead of
 * as {@code camunda:in}/{@code camunda:out} on every call (src/docs/architecture.md「案件数据与阶段约定」).
 *
 * <p>Values are copied typed, as {@code camunda:in source}/{@code camunda:out source} copy them: a variable the case
 * does not have reaches the stage as null, and a variable the stage does not have is set to null in the case. The
 * engine asks the contract of the call activity in the case's current version when the stage completes, so a stage
 * started before a migration gives back what the newer version's contract names.
 */
public abstract class StageContract implements DelegateVariableMapping {

    private final String stage;
    private final List<String> gets;
    private final List<String> givesBack;
    private final List<String> keptInHistory;

    /** The stage's process key, the variables it gets from the case and those it gives back. */
    protected StageContract(String stage, List<String> gets, List<String> givesBack) {
        this(stage, gets, givesBack, List.of());
    }

    /**
     * As above, and the variables it only gets whose copy the stage's own history keeps all the same
     * (cases.RedundantHistory leaves the other copies out): what the annual report reads from the stage's history.
     */
    protected StageContract(String stage, List<String> gets, List<String> givesBack, List<String> keptInHistory) {
        this.stage = stage;
        this.gets = List.copyOf(gets);
        this.givesBack = List.copyOf(givesBack);
        this.keptInHistory = List.copyOf(keptInHistory);
    }

    /** The process key of the stage (the call activity's {@code calledElement}). */
    public String stage() {
        return stage;
    }

    /** The variables the stage gets from the case. */
    public List<String> gets() {
        return gets;
    }

    /** The variables the stage decides and gives back to the case. */
    public List<String> givesBack() {
        return givesBack;
    }

    /** The copies the stage only gets whose history the stage keeps (see the constructor). */
    public List<String> keptInHistory() {
        return keptInHistory;
    }

    @Override
    public void mapInputVariables(DelegateExecution caseExecution, VariableMap stageVariables) {
        for (String name : gets) {
            stageVariables.put(name, caseExecution.getVariableTyped(name));
        }
    }

    @Override
    public void mapOutputVariables(DelegateExecution caseExecution, VariableScope stageInstance) {
        for (String name : givesBack) {
            caseExecution.setVariable(name, stageInstance.getVariableTyped(name));
        }
    }

    /** The names of the lists, in order (a name listed twice is a mistake {@code StageContractsTest} reports). */
    @SafeVarargs
    protected static List<String> names(Collection<String>... lists) {
        List<String> all = new ArrayList<>();
        for (Collection<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
