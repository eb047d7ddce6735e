package org.lianhu.support;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Multipart bodies as a browser's FormData sends them: a JSON part and named files. */
public final class Multipart {

  public record File(String name, byte[] bytes) {}

  private final MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
  private final HttpHeaders headers = new HttpHeaders();

  private Multipart() {
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
  }

  public static Multipart form() {
    return new Multipart();
  }

  public Multipart json(String field, String json) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_JSON);
    parts.add(field, new HttpEntity<>(json, part));
    return this;
  }

  public Multipart file(String field, String fileName, byte[] bytes) {
    parts.add(
        field,
        new ByteArrayResource(bytes) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    return this;
  }

  public Multipart basicAuth(String user, String password) {
    headers.setBasicAuth(user, password);
    return this;
  }

  public Multipart header(String name, String value) {
    headers.set(name, value);
    return this;
  }

  public HttpEntity<MultiValueMap<String, Object>> entity() {
    return new HttpEntity<>(parts, headers);
  }
}
