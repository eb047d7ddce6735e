package org.lianhu.attachments;

/** Why a file is on a case: the reporter's photos of the problem, or a handler's of the result. */
public enum AttachmentPurpose {
  REPORT("上报照片"),
  EVIDENCE("办理照片");

  private final String label;

  AttachmentPurpose(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
