package org.lianhu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** Which engine failures the engine REST API answers with 409 or 404 instead of Camunda's 500. */
class EngineRestConflictsTest {

  private final EngineRestConflicts.RestExceptions mapper =
      new EngineRestConflicts.RestExceptions();

  private static RestException wrapped(Exception cause) {
    return new RestException(
        Status.INTERNAL_SERVER_ERROR, cause, "Cannot complete task 1: " + cause.getMessage());
  }

  @Test
  void aLostRaceIsAConflict() {
    assertThat(
            EngineRestConflicts.statusFor(wrapped(new OptimisticLockingException("ENGINE-03005"))))
        .isEqualTo(Status.CONFLICT);
    assertThat(
            EngineRestConflicts.statusFor(
                wrapped(new OneCompletionPerTask.TaskCompletedMeanwhile("1"))))
        .isEqualTo(Status.CONFLICT);
  }

  @Test
  void aDeadlockInsideAListenerIsAConflict() {
    SQLException deadlock = new SQLTransactionRollbackException("Deadlock found", "40001", 1213);
    ProcessEngineException listener =
        new ProcessEngineException(
            "ENGINE-03051 TaskListener exception",
            new CannotAcquireLockException("update case_record", deadlock));
    assertThat(EngineRestConflicts.statusFor(wrapped(listener))).isEqualTo(Status.CONFLICT);
    assertThat(EngineRestConflicts.statusFor(wrapped(new ProcessEngineException("x", deadlock))))
        .isEqualTo(Status.CONFLICT);
  }

  @Test
  void aTaskThatIsGoneIsNotFound() {
    assertThat(
            EngineRestConflicts.statusFor(
                wrapped(new NotFoundException("Cannot find task with id 1"))))
        .isEqualTo(Status.NOT_FOUND);
  }

  @Test
  void aFormLianhusRulesRefusedIsABadRequestWithTheRulesOwnMessage() {
    IllegalArgumentException refusal = org.lianhu.cases.steps.Refusals.sample("已超过退单时限");
    RestException rest =
        wrapped(
            new ProcessEngineException(
                "ENGINE-03051 There was an exception while invoking the TaskListener",
                new ProcessEngineException("Exception while invoking TaskListener", refusal)));
    assertThat(EngineRestConflicts.statusFor(rest)).isEqualTo(Status.BAD_REQUEST);
    var response = mapper.toResponse(rest);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getEntity()).extracting("message").isEqualTo("已超过退单时限");
    // An IllegalArgumentException from elsewhere (here the JDK's) is not a user's refusal.
    Throwable elsewhere =
        org.assertj.core.api.Assertions.catchThrowable(() -> Integer.parseInt("x"));
    assertThat(EngineRestConflicts.statusFor(wrapped(new ProcessEngineException("x", elsewhere))))
        .isNull();
  }

  @Test
  void everythingElseKeepsCamundasAnswer() {
    RestException other = wrapped(new ProcessEngineException("ENGINE-03051 请填写处置结果"));
    assertThat(EngineRestConflicts.statusFor(other)).isNull();
    assertThat(mapper.isMappable(other)).isFalse();
    assertThat(
            mapper.isMappable(
                new RestException(Status.BAD_REQUEST, new OptimisticLockingException("x"), "x")))
        .as("not a 500")
        .isFalse();
    assertThat(
            new EngineRestConflicts.EngineExceptions()
                .isMappable(new AuthorizationException("wangli", "UPDATE", "Task", "1")))
        .as("403 stays")
        .isFalse();
  }

  @Test
  void theAnswerIsCamundasErrorJson() {
    var response = mapper.toResponse(wrapped(new OneCompletionPerTask.TaskCompletedMeanwhile("1")));
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getEntity())
        .extracting("type", "message")
        .containsExactly(
            "RestException",
            "Cannot complete task 1: 该任务已被他人办理: task 1 was completed by another "
                + "request at the same time");
  }
}
