package org.lianhu.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Completing a task (Tasklist's submit-form, the REST API's complete, {@code TaskService.complete})
 * first takes the write lock on the task's row, in the completing transaction, before the engine
 * reads the task.
 *
 * <p>Without it, two completions of one task at the same moment both read the task, both run the
 * task listeners and the next steps, and only the engine's flush at the end tells them apart: the
 * loser then failed with an optimistic locking exception, a deadlock in a listener, a missing
 * authorization (403) or a NullPointerException inside Camunda, depending on how far the winner had
 * got. With the lock the second completion waits until the first has committed and then finds the
 * task gone: {@link TaskCompletedMeanwhile} (a conflict, 409 on the REST API) if the task was there
 * when it arrived, {@link NotFoundException} (404) if it never was. Nothing of the loser's work has
 * been done at that point.
 */
@Component
public class OneCompletionPerTask extends AbstractProcessEnginePlugin {

  private static final Map<Class<?>, Field> TASK_ID =
      Map.of(
          CompleteTaskCmd.class, taskIdField(CompleteTaskCmd.class),
          SubmitTaskFormCmd.class, taskIdField(SubmitTaskFormCmd.class));

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPostCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Interceptor(configuration));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * The completion was refused because another one completed the task while this one waited for it.
   */
  public static class TaskCompletedMeanwhile extends OptimisticLockingException {

    public TaskCompletedMeanwhile(String taskId) {
      super("该任务已被他人办理: task " + taskId + " was completed by another request at the same time");
    }
  }

  /** Runs inside the command context and its transaction, after Camunda's own interceptors. */
  static class Interceptor extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private JdbcTemplate jdbc;

    Interceptor(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      Field taskId = TASK_ID.get(command.getClass());
      if (taskId != null) {
        lockTask(read(taskId, command));
      }
      return next.execute(command);
    }

    private void lockTask(String taskId) {
      if (taskId == null) {
        return; // Camunda refuses it itself.
      }
      String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
      boolean there =
          !jdbc()
              .queryForList("select ID_ from " + table + " where ID_ = ?", String.class, taskId)
              .isEmpty();
      if (!there) {
        throw new NotFoundException("任务不存在或已办理: Cannot find task with id " + taskId);
      }
      if (jdbc()
          .queryForList(
              "select ID_ from " + table + " where ID_ = ? for update", String.class, taskId)
          .isEmpty()) {
        throw new TaskCompletedMeanwhile(taskId);
      }
    }

    /**
     * The engine's data source: in the engine's Spring transaction it hands out the command's
     * connection.
     */
    private JdbcTemplate jdbc() {
      if (jdbc == null) {
        jdbc = new JdbcTemplate(configuration.getDataSource());
      }
      return jdbc;
    }

    private static String read(Field field, Object command) {
      try {
        return (String) field.get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Camunda's completion commands keep the task id in a protected field; fails at start if that
   * changes.
   */
  private static Field taskIdField(Class<?> command) {
    try {
      Field field = command.getDeclaredField("taskId");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(
          "Camunda's " + command.getSimpleName() + " has no taskId field any more");
    }
  }
}
