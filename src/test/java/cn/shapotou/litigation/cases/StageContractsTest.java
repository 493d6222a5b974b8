package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.answer.AnswerPreparationContract;
import cn.shapotou.litigation.appearance.CourtAppearanceContract;
import cn.shapotou.litigation.casecore.CaseFacts;
import cn.shapotou.litigation.casecore.StageContract;
import cn.shapotou.litigation.decisions.AppealOpinionContract;
import cn.shapotou.litigation.decisions.EnforcementContract;
import cn.shapotou.litigation.decisions.LossAnalysisContract;
import cn.shapotou.litigation.decisions.RetrialContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The stage contracts against the models and forms they serve (src/docs/architecture.md「案件数据与阶段约定」): each
 * call activity of litigation-case maps through its stage's contract and nothing else, a contract names only
 * variables the case has, and a stage's model and forms use no case fact its contract does not give it.
 */
class StageContractsTest {

    static final List<StageContract> CONTRACTS = List.of(new NoticeIntakeContract(), new AnswerPreparationContract(),
            new CourtAppearanceContract(), new AppealOpinionContract(), new LossAnalysisContract(),
            new RetrialContract(), new EnforcementContract());

    /** Words of expressions that are not variables (EL and FEEL keywords, the engine's own names). */
    static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "null", "true", "false", "and", "or",
            "not", "empty", "if", "then", "else", "eq", "ne");

    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    static final Pattern GET_VARIABLE = Pattern.compile("getVariable(?:Typed|Local)?\\('(\\w+)'");
    static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)");
    static final Pattern FORM_KEY = Pattern.compile("\"(?:key|valuesKey)\"\\s*:\\s*\"(\\w+)\"");
    static final Pattern FEEL = Pattern.compile("\"=([^\"]*)\"");
    static final Pattern WORD = Pattern.compile("(?<![\\w.'])[A-Za-z_]\\w*(?![\\w(])");
    static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([\\w-]+)\"");

    @Test
    void everyCallActivityOfTheCaseMapsThroughItsStagesContractOnly() {
        BpmnModelInstance model = Bpmn.readModelFromStream(resource("litigation-case.bpmn"));
        Set<String> used = new HashSet<>();
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            StageContract contract = contractOf(call.getCalledElement());
            used.add(contract.stage());
            assertThat(call.getCamundaVariableMappingDelegateExpression()).as(call.getId())
                    .isEqualTo("${" + beanName(contract) + "}");
            Collection<CamundaIn> ins = call.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaIn.class).list();
            assertThat(ins).as(call.getId() + " passes the business key").anyMatch(in ->
                    "#{execution.processBusinessKey}".equals(in.getCamundaBusinessKey()));
            for (CamundaIn in : ins) {
                // Only the business key and values worked out for the call; a copied variable belongs in the contract.
                assertThat(in.getCamundaSource()).as(call.getId() + " copies a variable outside its contract").isNull();
                assertThat(in.getCamundaVariables()).as(call.getId()).isNull();
                if (in.getCamundaTarget() != null) {
                    assertThat(contract.gets()).as(call.getId() + " computes what its contract also copies")
                            .doesNotContain(in.getCamundaTarget());
                }
            }
            assertThat(call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list())
                    .as(call.getId() + " gives back only what its contract names").isEmpty();
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                CONTRACTS.stream().map(StageContract::stage).toList());
    }

    @Test
    void aContractNamesEachVariableOnce() {
        for (StageContract contract : CONTRACTS) {
            assertThat(contract.gets()).as(contract.stage()).doesNotHaveDuplicates();
            assertThat(contract.givesBack()).as(contract.stage()).doesNotHaveDuplicates();
        }
    }

    /**
     * A variable a stage gets must be one the case has: given back by a stage, a field of a form the case itself
     * shows (registration, 核实裁判是否生效, 生效裁判后续事项, 立卷归档), or written by name in the application's code
     * (the case's listeners and the court documents it registers); a misspelt name is none of these.
     */
    @Test
    void aStageGetsOnlyVariablesTheCaseHas() throws IOException {
        Set<String> known = new HashSet<>();
        CONTRACTS.forEach(c -> known.addAll(c.givesBack()));
        String caseModel = text("litigation-case.bpmn");
        for (String form : matches(FORM_REF, caseModel)) {
            known.addAll(matches(FORM_KEY, text(form + ".form")));
        }
        known.addAll(namesWrittenInCode());
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (StageContract contract : CONTRACTS) {
            List<String> names = contract.gets().stream().filter(name -> !known.contains(name)).toList();
            if (!names.isEmpty()) {
                unknown.put(contract.stage(), names);
            }
        }
        assertThat(unknown).as("variables a stage gets that the case never has").isEmpty();
    }

    /**
     * The case facts ({@link CaseFacts}) a stage's model or forms use must be in its contract: otherwise the stage
     * reads a variable it never got, and its form shows an empty field.
     */
    @Test
    void aStageUsesOnlyTheCaseFactsItsContractGivesIt() {
        Set<String> caseFacts = new LinkedHashSet<>();
        caseFacts.addAll(CaseFacts.CASE);
        caseFacts.addAll(CaseFacts.SUIT);
        caseFacts.addAll(CaseFacts.DECISION);
        caseFacts.add(CaseFacts.DEADLINES);
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        for (StageContract contract : CONTRACTS) {
            Set<String> used = variablesUsedBy(contract.stage());
            used.retainAll(caseFacts);
            used.removeAll(contract.gets());
            used.removeAll(contract.givesBack());
            if (!used.isEmpty()) {
                missing.put(contract.stage(), used);
            }
        }
        assertThat(missing).as("case facts a stage uses but does not get").isEmpty();
    }

    /** The check above finds a case fact a form uses (guards the patterns it relies on). */
    @Test
    void theUseOfACaseFactInAStageFormIsFound() {
        assertThat(variablesUsedBy("notice-intake")).contains("caseNumber", "court", "plaintiff", "leadUnit",
                "responsibilityBasis");
        assertThat(variablesUsedBy("loss-analysis")).contains("caseNumber", "decisionTitle");
    }

    static Set<String> variablesUsedBy(String stage) {
        String model = text(stage + ".bpmn");
        Set<String> used = new TreeSet<>();
        for (String expression : matches(EXPRESSION, model)) {
            used.addAll(matches(WORD, expression.replaceAll("'[^']*'", "")));
        }
        used.addAll(matches(GET_VARIABLE, model));
        for (String form : new LinkedHashSet<>(matches(FORM_REF, model))) {
            String json = text(form + ".form");
            used.addAll(matches(TEMPLATE, json));
            used.addAll(matches(FORM_KEY, json));
            for (String feel : matches(FEEL, json)) {
                used.addAll(matches(WORD, feel.replaceAll("\\\\\"[^\\\\]*\\\\\"", "")));
            }
        }
        used.removeAll(NOT_VARIABLES);
        return used;
    }

    static Set<String> namesWrittenInCode() throws IOException {
        Pattern literal = Pattern.compile("\"([A-Za-z_]\\w*)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            Set<String> names = new HashSet<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().endsWith("Contract.java"))
                    .filter(f -> !f.getFileName().toString().equals("CaseFacts.java")).toList()) {
                names.addAll(matches(literal, Files.readString(file)));
            }
            return names;
        }
    }

    static StageContract contractOf(String stage) {
        return CONTRACTS.stream().filter(c -> c.stage().equals(stage)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage contract for " + stage));
    }

    static String beanName(StageContract contract) {
        return contract.getClass().getAnnotation(Component.class).value();
    }

    static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(m.groupCount() >= 1 ? 1 : 0));
        }
        return found;
    }

    static InputStream resource(String name) {
        InputStream in = StageContractsTest.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new AssertionError("not on the class path: " + name);
        }
        return in;
    }

    static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
