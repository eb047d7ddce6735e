package org.lianhu.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Camunda's engine REST API ({@code /engine-rest}) answers 500 for everything the engine throws
 * except an authorization (403) and a bad request (400). Two people completing one task at once is
 * neither an internal error nor rare, so where Camunda would answer 500 this answers, in Camunda's
 * own error JSON ({@code type}, {@code message}, {@code code}) that Tasklist shows:
 *
 * <ul>
 *   <li>400 Bad Request, with the refusal's own message, when a form was refused by Lianhu's rules
 *       (the listener's or delegate's {@link IllegalArgumentException}); nothing was written.
 *   <li>409 Conflict when the request lost a race: the engine's optimistic locking, a task
 *       completed meanwhile ({@link OneCompletionPerTask}), a task claimed meanwhile, or a database
 *       deadlock or lock timeout. Nothing of the request took effect: the engine rolled its
 *       transaction back. The client may reload and decide again; the server does not retry by
 *       itself, so nothing is applied twice.
 *   <li>404 Not Found when the engine says the object does not exist (a task already completed and
 *       gone).
 * </ul>
 *
 * <p>The mappers are registered on each Jersey application ({@link Registration}) with a higher
 * priority than Camunda's mappers for the same types, and only take the exceptions they recognise
 * ({@link ExtendedExceptionMapper}); everything else keeps Camunda's answer.
 */
public final class EngineRestConflicts {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestConflicts.class);

  /** Lower ranks win among mappers of the same exception type; Camunda's have the default, 5000. */
  private static final int BEFORE_CAMUNDA = 100;

  /**
   * MySQL/MariaDB: 1213 deadlock, 1205 lock wait timeout. SQL state 40001: serialization failure.
   */
  private static final int MYSQL_DEADLOCK = 1213;

  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

  private EngineRestConflicts() {}

  /**
   * Registers the mappers on every Jersey application of the server: the starter's {@code
   * /engine-rest} and the webapps' {@code /camunda/api/engine}, through which Tasklist completes
   * tasks. Listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}.
   */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static class Registration implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      for (Class<?> mapper : List.of(RestExceptions.class, EngineExceptions.class)) {
        if (!context.getConfiguration().isRegistered(mapper)) {
          context.register(mapper, BEFORE_CAMUNDA);
        }
      }
    }
  }

  /**
   * The status the exception deserves when Camunda would answer 500, or null to leave it to
   * Camunda.
   */
  static Status statusFor(Throwable exception) {
    for (Throwable cause = exception;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException
          || cause instanceof TaskAlreadyClaimedException
          || cause instanceof PessimisticLockingFailureException
          || isLockConflict(cause)) {
        return Status.CONFLICT;
      }
      if (cause instanceof NotFoundException) {
        return Status.NOT_FOUND;
      }
      if (isFormRefusal(cause)) {
        return Status.BAD_REQUEST;
      }
    }
    return null;
  }

  /**
   * A form a listener or delegate of Lianhu refused (a return after its window, a merge into a
   * closed case...): an {@link IllegalArgumentException} thrown by Lianhu's own code, whose message
   * is meant for the user. The engine wraps it twice; the user should read it unwrapped.
   */
  static boolean isFormRefusal(Throwable cause) {
    return cause instanceof IllegalArgumentException refusal
        && refusal.getStackTrace().length > 0
        && refusal.getStackTrace()[0].getClassName().startsWith("org.lianhu.");
  }

  private static Throwable shown(Throwable exception) {
    for (Throwable cause = exception;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (isFormRefusal(cause)) {
        return cause;
      }
    }
    return exception;
  }

  private static boolean isLockConflict(Throwable cause) {
    if (cause instanceof ProcessEngineException engine
        && engine.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()) {
      return true;
    }
    return cause instanceof SQLException sql
        && ("40001".equals(sql.getSQLState())
            || sql.getErrorCode() == MYSQL_DEADLOCK
            || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT);
  }

  /**
   * Common part: only exceptions Camunda would answer with 500 and {@link #statusFor} recognises.
   */
  public abstract static class ConflictMapper<T extends Throwable>
      implements ExtendedExceptionMapper<T> {

    @Override
    public boolean isMappable(T exception) {
      return ExceptionHandlerHelper.getInstance().getStatus(exception)
              == Status.INTERNAL_SERVER_ERROR
          && statusFor(exception) != null;
    }

    @Override
    public Response toResponse(T exception) {
      Status status = statusFor(exception);
      LOG.info("Engine REST answers {}: {}", status.getStatusCode(), exception.getMessage());
      return Response.status(status)
          .entity(
              ExceptionHandlerHelper.getInstance()
                  .fromException(status == Status.BAD_REQUEST ? shown(exception) : exception))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
  }

  /**
   * What the task resource throws: the engine's exception wrapped in a RestException with status
   * 500.
   */
  public static class RestExceptions extends ConflictMapper<RestException> {}

  /** What other resources let through unwrapped. */
  public static class EngineExceptions extends ConflictMapper<ProcessEngineException> {}
}
