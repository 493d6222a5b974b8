package cn.shapotou.litigation.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The JSON part of a {@code multipart/form-data} request that also carries files (a registration with its scans). */
public final class JsonPart {

    private JsonPart() {}

    /** The part as an object, or 400 naming the part ({@code label} says what it holds, e.g. 案件信息). */
    public static Map<String, Object> parse(String json, String part, String label) {
        if (json == null || json.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, part, "缺少" + label + "（" + part + " 部分，JSON）");
        }
        try {
            return FormValues.JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, part, label + "（" + part + " 部分）不是有效的 JSON 对象");
        }
    }
}
