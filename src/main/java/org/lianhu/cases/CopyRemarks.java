package org.lianhu.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.lianhu.refusal.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄送: the office of the supervising department sees the cases copied to it and adds supervision
 * remarks (督办意见), from Tasklist's 抄送知悉 task or the staff API. A remark goes on the staff timeline
 * and into the variable {@code copyRemark} that the handler's form shows.
 */
@Service
public class CopyRemarks {

  static final int MAX_REMARK = 500;

  private final CaseMapper cases;
  private final CaseLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public CopyRemarks(
      CaseMapper cases,
      CaseLifecycle lifecycle,
      OrganisationDirectory directory,
      RuntimeService runtimeService,
      IdentityService identityService) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** A case copied to the caller's office, with the name of the office that handles it. */
  public record CopiedCase(@JsonUnwrapped StaffCases.Summary summary, String handlerName) {}

  /** The cases copied to the caller's offices, newest first. */
  @Transactional(readOnly = true)
  public List<CopiedCase> copiedToCaller(int page, int size) {
    List<String> groups = caller().getGroupIds();
    if (groups == null || groups.isEmpty()) {
      return List.of();
    }
    return cases.findCopied(groups, page * size, size).stream()
        .map(StaffCases::summary)
        .map(
            s ->
                new CopiedCase(
                    s, s.handlerGroup() == null ? null : directory.groupName(s.handlerGroup())))
        .toList();
  }

  /**
   * A remark through the API: only by a member of the office the case is copied to, only while the
   * case is open.
   */
  @Transactional
  public void add(String caseNo, String text) {
    Authentication caller = caller();
    CaseRecord record = caseNo == null ? null : cases.findByNo(caseNo);
    if (record == null) {
      throw Refusal.notFound("没有编号为 " + caseNo + " 的事件");
    }
    if (record.copyGroup() == null || !caller.getGroupIds().contains(record.copyGroup())) {
      throw Refusal.forbidden("事件 " + caseNo + " 未抄送您所在的部门，不能填写督办意见");
    }
    String remark = TextInput.required(text, MAX_REMARK, "remark", "督办意见");
    if (!record.caseStatus().isOpen()) {
      throw Refusal.conflict("case-finished", "事件已办结", "事件 " + caseNo + " 已办结，不能再填写督办意见");
    }
    lifecycle.lock(record.id());
    remark(record.id(), record.processInstanceId(), caller.getUserId(), record.copyGroup(), remark);
  }

  /** Records the remark and shows it to the handler; the caller holds the case's row lock. */
  public void remark(
      long caseId, String processInstanceId, String actor, String group, String remark) {
    String name = directory.groupName(group);
    lifecycle.copyRemarked(caseId, actor, name, remark);
    if (processInstanceId == null) {
      return;
    }
    WithoutCaller.run(
        identityService,
        () -> {
          Object earlier = runtimeService.getVariable(processInstanceId, CaseVariables.COPY_REMARK);
          String line = name + "：" + remark;
          runtimeService.setVariable(
              processInstanceId,
              CaseVariables.COPY_REMARK,
              earlier == null || earlier.toString().isBlank() ? line : earlier + "\n" + line);
          return null;
        });
  }

  private Authentication caller() {
    return StaffCases.caller(identityService);
  }
}
