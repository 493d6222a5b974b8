package cn.shapotou.litigation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The package rules of src/docs/architecture.md「包结构规则」, on the application's own classes (not the tests'). */
@AnalyzeClasses(packages = "cn.shapotou.litigation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String APP = "cn.shapotou.litigation";
    private static final String ADAPTER = APP + ".engine..";
    private static final String ENGINE_INTERNALS = "org.camunda.bpm.engine.impl..";

    /**
     * The classes besides the adapter that must name an engine internal, because the engine only accepts them as
     * subclasses or implementations of its internal types: engine plugins extend AbstractProcessEnginePlugin
     * (the engine has no public plugin type), and what they install is the engine's own internal interface.
     */
    private static final Set<String> ENGINE_EXTENSIONS = Set.of(
            // Engine plugin; a HistoryEventHandler, to note how a case ended in the history event itself.
            APP + ".cases.CaseTermination",
            // Engine plugin: takes the place of the engine's database history handler to leave out what the case keeps
            // elsewhere (HistoryEvent and its kinds, DbHistoryEventHandler, the save points' job type).
            APP + ".cases.RedundantHistory",
            // Engine plugin: creates its indexes after the engine built its schema and before any job runs.
            APP + ".escalation.SupervisionIndexes",
            // Engine plugin installing an IncidentHandler for the supervision incidents.
            APP + ".escalation.EscalationPlugin",
            // Engine plugin with a BpmnParseListener and a task listener reading TaskEntity's property changes.
            APP + ".deadlines.DueDateGuard",
            // Engine plugin registering the business calendars of the legal deadlines.
            APP + ".deadlines.LegalCalendarPlugin",
            // Implements the engine's BusinessCalendar interface (timer due dates in working days).
            APP + ".deadlines.LegalBusinessCalendar",
            // Engine plugin adding a CommandInterceptor that retries a command after a concurrent update.
            APP + ".operations.ConcurrentUpdateRetry");

    @ArchTest
    static final ArchRule onlyTheAdapterUsesEngineInternals = noClasses()
            .that(not(resideInAPackage(ADAPTER)).and(not(oneOf(ENGINE_EXTENSIONS))))
            .should().dependOnClassesThat().resideInAPackage(ENGINE_INTERNALS)
            .because("engine internals are reached through " + APP + ".engine only (architecture.md「包结构规则」)");

    @ArchTest
    static final ArchRule theAdapterDependsOnNoFeature = noClasses().that().resideInAPackage(ADAPTER)
            .should().dependOnClassesThat(resideInAPackage(APP + "..").and(not(resideInAPackage(ADAPTER))))
            .because("every feature uses the adapter, so it must not use any of them back");

    /**
     * web/ is what every feature shares for HTTP and forms (error bodies, reading a submitted form, the error and help
     * pages): it calls no engine service — what to do with a case or a task is a feature's. The navigation bar, which
     * reads the identity service for the signed-in person's name, is identity's (PageNavigation).
     */
    @ArchTest
    static final ArchRule webCallsNoEngineService = noClasses().that().resideInAPackage(APP + ".web..")
            .should().dependOnClassesThat(engineService())
            .because("web/ holds no engine helpers: features call the engine, web/ only translates requests and refusals");

    /** Of the adapter, web/ uses only the form refusal it builds and translates: no command, table or transaction. */
    @ArchTest
    static final ArchRule webUsesOnlyTheFormRefusalOfTheAdapter = noClasses().that().resideInAPackage(APP + ".web..")
            .should().dependOnClassesThat(resideInAPackage(ADAPTER)
                    .and(not(oneOf(Set.of(APP + ".engine.FormFieldRefusal")))))
            .because("web/ holds no engine helpers");

    /**
     * No cycles between the feature packages (architecture.md「包结构规则」). From the bottom up: web, deadlines, units,
     * identity, casecore, accountability, records, documents, casefile, robots, escalation, answer, appearance,
     * decisions, recommendations, responsibility, cases; each depends only on packages below it (and on engine/).
     */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching(APP + ".(*)..").should().beFreeOfCycles();

    /** The classes named, with their nested and anonymous classes. */
    private static DescribedPredicate<JavaClass> oneOf(Set<String> names) {
        return DescribedPredicate.describe("one of " + names, c -> names.contains(c.getName())
                || names.stream().anyMatch(n -> c.getName().startsWith(n + "$")));
    }

    /** The engine's services and the engine itself (org.camunda.bpm.engine.*Service, ProcessEngine). */
    private static DescribedPredicate<JavaClass> engineService() {
        return DescribedPredicate.describe("an engine service", c ->
                c.getPackageName().equals("org.camunda.bpm.engine")
                        && (c.getSimpleName().endsWith("Service") || c.getSimpleName().startsWith("ProcessEngine"))
                        && !c.getSimpleName().equals("ProcessEngineException"));
    }
}
