package cn.shapotou.litigation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.EngineNameUses.Kind;
import cn.shapotou.litigation.EngineNameUses.Use;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Process keys, message names, activity ids and variable names are strings the engine matches at run time: a typo
 * compiles and fails only when a case gets there. This reads every model and form, then every literal the Java code
 * hands the engine where it matches by string ({@link EngineNameUses#CALLS}, and every literal shaped like an activity
 * id), and names each one that matches nothing in the models. No Spring context, no engine.
 */
class EngineNamesTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path TEST = Path.of("src", "test", "java");
    /** Earlier versions of the models, deployed by the migration tests. */
    private static final Path EARLIER_MODELS = Path.of("src", "test", "resources", "migration");

    /** Files whose names are not the current models' on purpose, and why. */
    private static final Map<String, String> EXEMPT = Map.of(
            "MigrationRules.java", "names activities of earlier model versions that the current ones no longer have",
            "EngineNamesTest.java", "this test's own wrong names, made to see it fail");

    /** Names no model holds on purpose, and why. */
    private static final Map<String, String> EXEMPT_NAMES = Map.of(
            "answerRounds", "composed at run time: ReviewRounds keeps a loop's rounds in <loop>Rounds",
            "evil", "SecurityMatrixTest checks that a refused variable was not stored",
            "OverdueTimer", "the suffix of every task's overdue timer (deadlines.DeadlineTimers), checked by "
                    + "DeadlineTimersModelTest",
            "StatutoryAnswerOverdueTimer", "the suffix of the case's statutory answer timers, checked by "
                    + "DeadlineTimersModelTest",
            "OverdueEscalationTask", "the suffix of every overdue timer's 「逾期督办」, checked by DeadlineTimersModelTest",
            "EscalatedEndEvent", "the suffix of every overdue timer's end event, which StageTest finds by it",
            "ReminderTimer", "the suffix of every task's reminder timer (deadlines.DeadlineTimers), checked by "
                    + "DeadlineTimersModelTest",
            "ReminderTask", "the suffix of every reminder timer's 「发送到期提醒」, checked by DeadlineTimersModelTest",
            "RemindedEndEvent", "the suffix of every reminder timer's end event, which StageTest finds by it");

    @Test
    void everyNameJavaHandsTheEngineIsInTheModels() {
        ModelNames product = ModelNames.ofTheProduct();
        ModelNames forTests = ModelNames.ofTheProduct().withModelsUnder(EARLIER_MODELS, ".bpmn.xml");
        List<Path> mainFiles = EngineNameUses.javaFiles(MAIN);
        List<Path> testFiles = EngineNameUses.javaFiles(TEST);
        addTestBuiltModels(forTests, testFiles);
        List<Path> all = new ArrayList<>(mainFiles);
        all.addAll(testFiles);
        Map<String, String> constants = EngineNameUses.constants(all);
        Set<String> javaSetVariables = javaSetVariables(all, constants);

        List<Use> mainUses = usesIn(mainFiles, constants);
        List<Use> testUses = usesIn(testFiles, constants);
        // Not vacuous: the scan finds the names the code is known to use.
        assertThat(mainUses).extracting(Use::kind).contains(Kind.PROCESS, Kind.MESSAGE, Kind.ACTIVITY, Kind.VARIABLE);
        assertThat(mainUses.stream().filter(u -> u.kind() == Kind.ACTIVITY).count()).isGreaterThan(50);
        assertThat(testUses.stream().filter(u -> u.kind() == Kind.ACTIVITY).count()).isGreaterThan(250);
        assertThat(mainUses).extracting(Use::name).contains("leadUnit", "court-appearance", "HearingNotice");

        List<String> unknown = new ArrayList<>();
        unknown.addAll(unknown(mainUses, product, javaSetVariables));
        unknown.addAll(unknown(testUses, forTests, javaSetVariables));
        assertThat(unknown).as("names in Java that no model (processes/*.bpmn) or form (forms/*.form) has").isEmpty();
    }

    @Test
    void everyFormAModelRefersToExists() {
        ModelNames product = ModelNames.ofTheProduct();
        Set<String> missing = new HashSet<>(product.formRefs);
        missing.removeAll(product.formIds);
        assertThat(missing).as("camunda:formRef without a form in forms/").isEmpty();
    }

    /** The check fails, naming file and line, on wrong names of each kind in a synthetic source. */
    @Test
    void aWrongNameIsNamedWithItsFileAndLine() {
        ModelNames product = ModelNames.ofTheProduct();
        String source = """
                class Wrong {
                    void walk() {
                        runtime.startProcessInstanceByKey("litigation-cas");
                        runtime.createMessageCorrelation("HearingNotise").correlate();
                        assertThat(instance).hasPassed("PlanAppearanceTask", "PlanApearanceTask");
                        walk.complete(caseNumber, "AttendHearingTsk", Map.of());
                        Object unit = runtime.getVariable(id, "leadUnitt");
                        // runtime.getVariable(id, "inAComment") is not code
                    }
                    static final String NEXT = "ApproveRepliesTask";
                    void next() {
                        walk.task(caseNumber, NEXT);
                        runtime.getVariable(id, ReviewRounds.HISTORY);
                        runtime.createProcessInstanceQuery().processDefinitionKeyIn("litigation-case", "court-apperance");
                    }
                }
                """;
        Path file = Path.of("Wrong.java");
        List<Use> uses = new ArrayList<>(EngineNameUses.uses(file, source, EngineNameUses.CALLS,
                Map.of("Wrong.NEXT", "ApproveRepliesTask", "ReviewRounds.HISTORY", "roundHistory")));
        uses.addAll(EngineNameUses.activityShapedLiterals(file, source));
        // roundHistory is no model's: a Java setter writes it, so reading it is fine.
        assertThat(unknown(uses, product, Set.of("roundHistory"))).containsExactlyInAnyOrder(
                "Wrong.java:3 startProcessInstanceByKey(…) \"litigation-cas\" (no such PROCESS)",
                "Wrong.java:4 createMessageCorrelation(…) \"HearingNotise\" (no such MESSAGE)",
                "Wrong.java:5 hasPassed(…) \"PlanApearanceTask\" (no such ACTIVITY)",
                "Wrong.java:6 complete(…) \"AttendHearingTsk\" (no such ACTIVITY)",
                "Wrong.java:7 getVariable(…) \"leadUnitt\" (no such VARIABLE)",
                "Wrong.java:10 literal shaped like an activity id \"ApproveRepliesTask\" (no such ACTIVITY)",
                "Wrong.java:12 task(NEXT) \"ApproveRepliesTask\" (no such ACTIVITY)",
                "Wrong.java:14 processDefinitionKeyIn(…) \"court-apperance\" (no such PROCESS)");
    }

    /** The models are read, not assumed: a name of each kind the product relies on is found. */
    @Test
    void theModelsAreRead() {
        ModelNames product = ModelNames.ofTheProduct();
        assertThat(product.processIds).contains("litigation-case", "court-appearance", "court-document");
        assertThat(product.elementIds).contains("PlanAppearanceTask", "RegisterDocumentTask");
        assertThat(product.messages).contains("HearingNotice", "CourtDecision");
        // The case facts reach the stages through their stage contracts (casecore/CaseFacts), not the models' mappings.
        assertThat(product.variables).contains("leadUnit", "answerDeadline", "appealDeadlineKey");
        assertThat(product.formFields).contains("kind", "receivedOn");
    }

    private static List<Use> usesIn(List<Path> files, Map<String, String> constants) {
        List<Use> uses = new ArrayList<>();
        for (Path file : files) {
            if (EXEMPT.containsKey(file.getFileName().toString())) {
                continue;
            }
            String source = EngineNameUses.read(file);
            uses.addAll(EngineNameUses.uses(file, source, EngineNameUses.CALLS, constants));
            uses.addAll(EngineNameUses.activityShapedLiterals(file, source));
        }
        return uses;
    }

    private static List<String> unknown(List<Use> uses, ModelNames models, Set<String> javaSetVariables) {
        List<String> unknown = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Use use : uses) {
            // A literal in a call of the table is also shaped like an activity id: reported once, as the call.
            if (!known(use, models, javaSetVariables) && !EXEMPT_NAMES.containsKey(use.name())
                    && reported.add(use.file() + ":" + use.line() + ":" + use.kind() + ":" + use.name())) {
                unknown.add(use + " (no such " + use.kind() + ")");
            }
        }
        return unknown;
    }

    private static boolean known(Use use, ModelNames models, Set<String> javaSetVariables) {
        String name = use.name();
        return switch (use.kind()) {
            case PROCESS -> models.processIds.contains(name);
            case MESSAGE -> models.messages.contains(name);
            case SIGNAL -> models.signals.contains(name);
            case ERROR -> models.errorCodes.contains(name);
            case ACTIVITY -> models.elementIds.contains(name);
            case VARIABLE -> models.variables.contains(name) || models.formFields.contains(name)
                    || javaSetVariables.contains(name);
        };
    }

    private static void addTestBuiltModels(ModelNames models, List<Path> testFiles) {
        for (Path file : testFiles) {
            for (Use defined : EngineNameUses.uses(file, EngineNameUses.read(file),
                    EngineNameUses.TEST_MODEL_BUILDERS, Map.of())) {
                (defined.kind() == Kind.PROCESS ? models.processIds
                        : defined.kind() == Kind.MESSAGE ? models.messages : models.elementIds).add(defined.name());
            }
        }
    }

    private static Set<String> javaSetVariables(List<Path> files, Map<String, String> constants) {
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            EngineNameUses.uses(file, EngineNameUses.read(file), EngineNameUses.SETTERS, constants)
                    .forEach(u -> names.add(u.name()));
        }
        return names;
    }
}
