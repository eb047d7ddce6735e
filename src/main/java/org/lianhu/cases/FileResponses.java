package org.lianhu.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.lianhu.attachments.Attachments;
import org.lianhu.attachments.FileContent;
import org.lianhu.attachments.ReceivedFile;
import org.lianhu.refusal.Refusal;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * How a case's file is sent: its own type (never sniffed by the browser), shown inline when it is a
 * photo and downloaded when it is a document, sandboxed so that nothing in it runs, stored by no
 * cache (the tracking code that opened it is a header, which a cache would not key on). And how
 * uploaded parts become received files.
 */
final class FileResponses {

  private FileResponses() {}

  static ResponseEntity<InputStreamResource> of(FileContent file) {
    InputStream bytes;
    try {
      bytes = file.source().open();
    } catch (NoSuchFileException gone) {
      throw Refusal.notFound("附件的文件已不在文件存储中，请联系管理员");
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    boolean image = file.mediaType().startsWith("image/");
    String disposition = (image ? "inline" : "attachment") + fileName(file.fileName());
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "default-src 'none'; sandbox")
            .cacheControl(CacheControl.noStore());
    if (file.length() >= 0) {
      answer.contentLength(file.length());
    }
    return answer.body(new InputStreamResource(bytes));
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
