package cn.shapotou.litigation.casefile;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** One stored version of one paper of a case: what the list, the download and the dossier say about it. */
public record CaseFile(String id, String caseNumber, FileCategory category, String title, String fileName,
                       String contentType, long size, String sha256, int version, String uploadedBy,
                       OffsetDateTime uploadedAt) {

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("caseNumber", caseNumber);
        json.put("category", category.name());
        json.put("categoryLabel", category.label());
        json.put("title", title);
        json.put("fileName", fileName);
        json.put("contentType", contentType);
        json.put("size", size);
        json.put("sha256", sha256);
        json.put("version", version);
        json.put("uploadedBy", uploadedBy);
        json.put("uploadedAt", uploadedAt.toString());
        return json;
    }
}
