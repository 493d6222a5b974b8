package cn.shapotou.litigation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese webapp locales cover every key of the English files the Camunda 7.24 webapps ship: a Camunda update
 * that adds a label fails here instead of showing a raw key to a clerk.
 */
class WebappLocaleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = WebappLocaleTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static List<String> missing(JsonNode english, JsonNode ours, String prefix) {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode translated = ours == null ? null : ours.get(field.getKey());
            if (translated == null) {
                missing.add(prefix + field.getKey());
            } else if (field.getValue().isObject()) {
                missing.addAll(missing(field.getValue(), translated, prefix + field.getKey() + "."));
            } else if (field.getValue().isArray() && translated.size() != field.getValue().size()) {
                missing.add(prefix + field.getKey() + "[]");
            }
        }
        return missing;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void everyEnglishKeyHasAChineseText(String app) throws IOException {
        String locales = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
        JsonNode english = read(locales + "en.json");
        JsonNode chinese = read(locales + "zh.json");
        assertThat(english.get("labels").size()).as("the shipped file was found").isGreaterThan(100);
        assertThat(missing(english, chinese, "")).as(app + " keys without a Chinese text").isEmpty();
        // Translated, not copied: no English words left once placeholders, markup and format patterns are set aside.
        chinese.get("labels").fields().forEachRemaining(label -> {
            String text = label.getValue().asText();
            String original = english.get("labels").get(label.getKey()).asText().strip();
            // Blank only where English has nothing to say in Chinese: no text, a plural "s", the hidden Camunda 8 banner.
            if (!original.isEmpty() && !original.equals("s") && !label.getKey().equals("BANNER_CE_EOL_TEXT")) {
                assertThat(text).as(label.getKey()).isNotBlank();
            }
            assertThat(text.replaceAll("\\{\\{[^}]*}}|<[^>]*>|&[a-z]+;|yyyy-MM-ddTHH:mm:ss|#resolve|promise|null", ""))
                    .as(label.getKey()).doesNotContainPattern("[A-Za-z][a-z]{3,}");
        });
    }
}
