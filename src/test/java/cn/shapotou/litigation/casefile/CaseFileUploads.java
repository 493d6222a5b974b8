package cn.shapotou.litigation.casefile;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Uploads to the case file as a browser does: {@code multipart/form-data} with {@code file}, {@code category}, {@code title}. */
public final class CaseFileUploads {

    private CaseFileUploads() {}

    @SuppressWarnings("rawtypes")
    public static ResponseEntity<Map> upload(TestRestTemplate rest, String user, String caseNumber, String category,
                                             String title, String fileName, byte[] content) {
        return upload(rest, user, caseNumber, category, title, named(fileName, content));
    }

    @SuppressWarnings("rawtypes")
    public static ResponseEntity<Map> upload(TestRestTemplate rest, String user, String caseNumber, String category,
                                             String title, Resource file) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file);
        if (category != null) {
            form.add("category", category);
        }
        if (title != null) {
            form.add("title", title);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").exchange("/api/cases/{n}/files", HttpMethod.POST,
                new HttpEntity<>(form, headers), Map.class, caseNumber);
    }

    public static Resource named(String fileName, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }
}
