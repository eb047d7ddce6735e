package org.lianhu.cases;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.lianhu.attachments.Attachments;
import org.lianhu.attachments.FileContent;
import org.lianhu.attachments.ReceivedFile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.multipart.MultipartFile;

/**
 * How a case's file is sent: its own type (never sniffed by the browser), shown inline when it is a
 * photo and downloaded when it is a document, sandboxed so that nothing in it runs, stored by no
 * cache (the tracking code that opened it is a header, which a cache would not key on). And how
 * uploaded parts become received files.
 */
final class FileResponses {

  private FileResponses() {}

  /**
   * Writes the file as the answer. Every refusal (not found, not for this caller) has been made
   * before: once the headers are out, the bytes follow.
   */
  static void send(FileContent file, HttpServletResponse response) {
    boolean image = file.mediaType().startsWith("image/");
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(file.mediaType());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        (image ? "inline" : "attachment") + fileName(file.fileName()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    if (file.length() >= 0) {
      response.setContentLengthLong(file.length());
    }
    try {
      OutputStream out = response.getOutputStream();
      file.body().writeTo(out);
      out.flush();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** RFC 6266: an ASCII fallback for old clients and the name itself in UTF-8 (RFC 5987). */
  static String fileName(String name) {
    String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** A name sent percent-encoded in a header; as it came when it is not valid encoding. */
  static String decodedName(String encoded) {
    if (encoded == null) {
      return null;
    }
    try {
      return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return encoded;
    }
  }

  /** Each uploaded part received and checked; all are discarded if one is refused. */
  static List<ReceivedFile> received(
      Attachments attachments, String field, List<MultipartFile> parts) {
    List<MultipartFile> given = parts == null ? List.of() : parts;
    attachments.checkCount(given.size(), field);
    List<ReceivedFile> received = new ArrayList<>();
    try {
      for (MultipartFile part : given) {
        if (part.isEmpty()
            && (part.getOriginalFilename() == null || part.getOriginalFilename().isEmpty())) {
          continue; // an empty file input of a form
        }
        try (InputStream in = part.getInputStream()) {
          received.add(attachments.receive(field, part.getOriginalFilename(), in));
        }
      }
      return received;
    } catch (IOException failed) {
      attachments.discard(received);
      throw new UncheckedIOException(failed);
    } catch (RuntimeException refused) {
      attachments.discard(received);
      throw refused;
    }
  }
}
