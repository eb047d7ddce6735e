package org.lianhu.attachments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.attachments}: where files live (a directory on the local disk; a volume every node
 * mounts in a cluster), how many photos one report or one case's handlers may attach and how large
 * each may be, the largest image (in pixels) that is taken at all, the thumbnails' longest side,
 * and how long an upload waits for the report that names it before it is deleted.
 */
@Validated
@ConfigurationProperties("lianhu.attachments")
public record AttachmentSettings(
    @NotNull @DefaultValue("./data/files") Path directory,
    @Positive @Max(20) @DefaultValue("6") int maxPerReport,
    @NotNull @DefaultValue("10MB") DataSize maxFileSize,
    @Positive @DefaultValue("50000000") long maxPixels,
    @Positive @Max(1024) @DefaultValue("320") int thumbnailSize,
    @NotNull @DefaultValue("PT24H") Duration uploadLifetime) {

  /**
   * The largest request that carries a report's photos: all of them at their limit, and the form.
   */
  public long maxUploadRequestBytes() {
    return maxPerReport * maxFileSize.toBytes() + 256 * 1024;
  }
}
