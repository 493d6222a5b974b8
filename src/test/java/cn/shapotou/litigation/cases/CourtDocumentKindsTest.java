package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shapotou.litigation.casefile.FileCategory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.objenesis.ObjenesisStd;

/**
 * A court document kind is one enum entry, one handler and one option of the Tasklist form 登记法院文书; none of the
 * three may exist without the others. No Spring context: handlers are found on the class path and asked for their
 * kind without their collaborators.
 */
class CourtDocumentKindsTest {

    private static final Path FORM = Path.of("forms", "register-court-document.form");

    @Test
    void everyKindHasExactlyOneHandler() {
        Map<CourtDocumentKind, List<String>> handlers = new TreeMap<>();
        for (CourtDocumentHandler handler : handlersOnClassPath()) {
            handlers.computeIfAbsent(handler.kind(), k -> new ArrayList<>()).add(handler.getClass().getSimpleName());
        }
        assertThat(handlers.keySet()).as("kinds with a handler").containsExactlyInAnyOrder(CourtDocumentKind.values());
        handlers.forEach((kind, names) -> assertThat(names).as("handlers of %s", kind).hasSize(1));
    }

    @Test
    void theRegistrationFormOffersExactlyTheKinds() throws IOException {
        assertThat(formMismatches(java.nio.file.Files.readString(FORM))).isEmpty();
    }

    /** Kinds without an option in the form, and options without a kind. */
    private static List<String> formMismatches(String formJson) throws IOException {
        Set<String> options = selectOptions(new ObjectMapper().readTree(formJson), "kind");
        Set<String> kinds = Arrays.stream(CourtDocumentKind.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> mismatches = new ArrayList<>();
        difference(kinds, options).forEach(k -> mismatches.add("kind " + k + " has no option in " + FORM));
        difference(options, kinds).forEach(o -> mismatches.add("option " + o + " of " + FORM + " is no kind"));
        return mismatches;
    }

    @Test
    void theRegistrationFormAsksOnlyForFieldsADocumentMayCarry() throws IOException {
        JsonNode form = new ObjectMapper().readTree(FORM.toFile());
        Set<String> keys = new TreeSet<>();
        form.get("components").forEach(c -> {
            if (c.hasNonNull("key")) {
                keys.add(c.get("key").asText());
            }
        });
        keys.remove("caseNumber"); // the start listener's, not the document's (CourtDocumentIntake)
        assertThat(difference(keys, CourtDocumentValidation.FIELDS)).as("form fields the API would refuse").isEmpty();
    }

    /** Art. 18: a scan goes to the dossier's section for its kind; decisions are the default. */
    @Test
    void eachKindsScanHasItsPlaceInTheDossier() {
        Map<CourtDocumentKind, FileCategory> categories = new TreeMap<>();
        handlersOnClassPath().forEach(h -> categories.put(h.kind(), h.scanCategory()));
        assertThat(categories).containsExactlyInAnyOrderEntriesOf(Map.of(
                CourtDocumentKind.HEARING_NOTICE, FileCategory.HEARING,
                CourtDocumentKind.PLAINTIFF_APPEAL, FileCategory.APPEAL,
                CourtDocumentKind.JUDICIAL_RECOMMENDATION, FileCategory.RECOMMENDATION,
                CourtDocumentKind.JUDGMENT, FileCategory.COURT_DECISION,
                CourtDocumentKind.RULING, FileCategory.COURT_DECISION,
                CourtDocumentKind.RECONSIDERATION_DECISION, FileCategory.COURT_DECISION,
                CourtDocumentKind.EFFECTIVE, FileCategory.COURT_DECISION,
                CourtDocumentKind.RETRIAL_ORDER, FileCategory.COURT_DECISION));
    }

    /** The check the application runs at startup refuses a missing and a doubled handler. */
    @Test
    void theApplicationRefusesToStartWithAKindWithoutHandler() {
        List<CourtDocumentHandler> all = handlersOnClassPath();
        List<CourtDocumentHandler> missingOne = all.stream()
                .filter(h -> h.kind() != CourtDocumentKind.EFFECTIVE).toList();
        assertThatThrownBy(() -> new CourtDocumentHandlers(missingOne))
                .hasMessageContaining("No handler for court document kind EFFECTIVE");
        List<CourtDocumentHandler> doubled = new ArrayList<>(all);
        doubled.add(all.get(0));
        assertThatThrownBy(() -> new CourtDocumentHandlers(doubled)).hasMessageContaining("Two handlers");
        assertThat(new CourtDocumentHandlers(all).of(CourtDocumentKind.EFFECTIVE)).isInstanceOf(EffectiveHandler.class);
    }

    /** The form lists its options by value; a kind missing there is caught as surely as one missing here. */
    @Test
    void aFormWithoutAnOptionIsCaught() throws IOException {
        String misspelt = java.nio.file.Files.readString(FORM)
                .replace("\"value\": \"EFFECTIVE\"", "\"value\": \"EFFECTIV\"");
        assertThat(formMismatches(misspelt)).containsExactlyInAnyOrder(
                "kind EFFECTIVE has no option in " + FORM, "option EFFECTIV of " + FORM + " is no kind");
    }

    static List<CourtDocumentHandler> handlersOnClassPath() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CourtDocumentHandler.class));
        ObjenesisStd objenesis = new ObjenesisStd();
        List<CourtDocumentHandler> handlers = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.shapotou.litigation")) {
            try {
                // kind() is a constant: the handler is made without its constructor (and collaborators) to ask it.
                handlers.add((CourtDocumentHandler) objenesis.newInstance(Class.forName(candidate.getBeanClassName())));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(handlers).as("handlers found on the class path").isNotEmpty();
        return handlers;
    }

    private static Set<String> selectOptions(JsonNode form, String key) {
        Set<String> values = new TreeSet<>();
        for (JsonNode component : form.get("components")) {
            if (key.equals(component.path("key").asText())) {
                component.get("values").forEach(v -> values.add(v.get("value").asText()));
            }
        }
        assertThat(values).as("options of form field " + key).isNotEmpty();
        return values;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
