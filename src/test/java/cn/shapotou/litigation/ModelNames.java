package cn.shapotou.litigation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The names the engine matches by string, as the models declare them: element ids, process ids, message, signal and
 * error names, and the variables the models and the Camunda Forms read or write. Read from the files themselves
 * (BPMN as XML, forms as JSON), without an engine.
 */
public final class ModelNames {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** Identifiers in {@code ${...}} or {@code #{...}}: a variable, a bean, or a property/method after a dot. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'\"])([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> CAMUNDA_VARIABLE_ATTRIBUTES = Set.of("source", "target", "variables",
            "initiator", "collection", "elementVariable", "resultVariable", "variableName");

    public final Set<String> elementIds = new TreeSet<>();
    public final Set<String> processIds = new TreeSet<>();
    public final Set<String> messages = new TreeSet<>();
    public final Set<String> signals = new TreeSet<>();
    public final Set<String> errorCodes = new TreeSet<>();
    public final Set<String> variables = new TreeSet<>();
    public final Set<String> formRefs = new TreeSet<>();
    public final Set<String> formIds = new TreeSet<>();
    public final Set<String> formFields = new TreeSet<>();

    /** The product's models ({@code processes/*.bpmn}) and forms ({@code forms/*.form}). */
    public static ModelNames ofTheProduct() {
        ModelNames names = new ModelNames();
        productModels().forEach(names::readBpmn);
        files(Path.of("forms"), ".form").forEach(names::readForm);
        return names;
    }

    /** The product's process models, {@code processes/*.bpmn}, in name order. */
    public static List<Path> productModels() {
        return files(Path.of("processes"), ".bpmn");
    }

    /** Adds models kept for the tests only (earlier versions the migration tests deploy). */
    public ModelNames withModelsUnder(Path folder, String suffix) {
        files(folder, suffix).forEach(this::readBpmn);
        return this;
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void readBpmn(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            readBpmn(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void readBpmn(InputStream in) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable BPMN", e);
        }
        visit(document.getDocumentElement());
    }

    private void visit(Element element) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        if (BPMN.equals(ns)) {
            if (element.hasAttribute("id")) {
                elementIds.add(element.getAttribute("id"));
            }
            switch (name) {
                case "process" -> processIds.add(element.getAttribute("id"));
                case "message" -> messages.add(element.getAttribute("name"));
                case "signal" -> signals.add(element.getAttribute("name"));
                case "error" -> errorCodes.add(element.getAttribute("errorCode"));
                case "escalation" -> errorCodes.add(element.getAttribute("escalationCode"));
                default -> { }
            }
        }
        if (CAMUNDA.equals(ns) && Set.of("inputParameter", "outputParameter", "formField").contains(name)) {
            variables.add(element.getAttribute(name.equals("formField") ? "id" : "name"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (CAMUNDA.equals(attribute.getNamespaceURI()) && attribute.getLocalName().equals("formRef")) {
                formRefs.add(attribute.getValue());
            } else if (CAMUNDA.equals(attribute.getNamespaceURI()) || CAMUNDA.equals(ns)) {
                if (CAMUNDA_VARIABLE_ATTRIBUTES.contains(attribute.getLocalName())
                        && !attribute.getValue().contains("{")) {
                    variables.add(attribute.getValue());
                }
            }
            expressions(attribute.getValue());
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                visit(e);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions(child.getNodeValue());
            }
        }
    }

    private void expressions(String text) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''");
            Matcher identifier = IDENTIFIER.matcher(body);
            while (identifier.find()) {
                variables.add(identifier.group(1));
            }
        }
    }

    void readForm(Path file) {
        try {
            readForm(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void readForm(JsonNode form) {
        formIds.add(form.path("id").asText());
        fields(form.path("components"));
    }

    private void fields(JsonNode components) {
        for (JsonNode component : components) {
            for (String attribute : List.of("key", "valuesKey", "path")) {
                if (component.hasNonNull(attribute)) {
                    formFields.add(component.get(attribute).asText());
                }
            }
            fields(component.path("components"));
        }
    }
}
