package org.lianhu.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * A task's holder may write only what the task's form asks of them. Every request of Camunda's task
 * API that writes variables (complete, submit-form, resolve, {@code variables} and {@code
 * localVariables}), on {@code /engine-rest} and on the webapps' {@code /camunda/api/engine} through
 * which Tasklist works, is checked against the deployed Camunda Form of the task:
 *
 * <ul>
 *   <li>an editable field's key may be written;
 *   <li>a read-only field (the case number, category, address the form shows) may be sent back only
 *       with the value it has, as Tasklist does when it submits the whole form;
 *   <li>anything else (a {@code caseId}, {@code category}, {@code handlerGroup}, {@code
 *       urgency}...) is refused with 400 and nothing is written, so that no client rewrites a case,
 *       reroutes it or moves its deadlines through its own task.
 * </ul>
 *
 * A task without a form takes no variables. The guard runs inside the engine REST application (a
 * JAX-RS request filter, after authentication), so the form is read with the caller's own
 * permissions; a task the caller cannot read is left to Camunda's 403 or 404.
 */
@Priority(Priorities.USER)
public class TaskVariableGuard implements ContainerRequestFilter {

  /**
   * The body of a task write is a form's worth of values; a larger one is refused before it is
   * parsed.
   */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Pattern TASK_WRITE =
      Pattern.compile(
          "^/?(?:engine/([^/]+)/)?task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/([^/]+))?(?:/data)?/?$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

  /**
   * Registers the guard on every Jersey application of the server ({@code /engine-rest} and the
   * webapps' {@code /camunda/api/engine}). Listed in {@code
   * META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}.
   */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static class Registration implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(TaskVariableGuard.class)) {
        context.register(TaskVariableGuard.class);
      }
    }
  }

  /**
   * The keys a Camunda Form lets its user edit, and those it only shows (read-only or disabled).
   */
  public record TaskForm(List<String> editable, List<String> readOnly) {
    static final TaskForm NONE = new TaskForm(List.of(), List.of());

    public static TaskForm parse(InputStream json) throws IOException {
      List<String> editable = new ArrayList<>();
      List<String> readOnly = new ArrayList<>();
      collect(JSON.readTree(json), editable, readOnly);
      return new TaskForm(List.copyOf(editable), List.copyOf(readOnly));
    }

    private static void collect(JsonNode node, List<String> editable, List<String> readOnly) {
      for (JsonNode component : node.path("components")) {
        String key = component.path("key").asText(null);
        if (key != null && !key.isBlank()) {
          boolean shown =
              component.path("readonly").asBoolean(false)
                  || component.path("disabled").asBoolean(false);
          (shown ? readOnly : editable).add(key);
        }
        collect(component, editable, readOnly);
      }
    }
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return;
    }
    Matcher write = TASK_WRITE.matcher(request.getUriInfo().getPath());
    if (!write.matches()) {
      return;
    }
    String engineName = write.group(1);
    String taskId = write.group(2);
    String action = write.group(3);
    String named = write.group(4);

    byte[] body = request.hasEntity() ? readLimited(request.getEntityStream()) : new byte[0];
    if (body == null) {
      request.abortWith(
          error(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "请求体不能超过 " + MAX_BODY_BYTES / 1024 + " KB"));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));

    Map<String, JsonNode> written;
    try {
      written = written(action, named, method, body);
    } catch (IOException e) {
      return; // Not JSON: Camunda answers its own 400.
    }
    if (written.isEmpty()) {
      return;
    }
    ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
    if (engine == null) {
      return;
    }
    Task task;
    TaskForm form;
    try {
      task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return;
      }
      form = formOf(engine, task);
    } catch (AuthorizationException e) {
      return;
    }
    List<String> refused = new ArrayList<>();
    boolean completing = !action.endsWith("ariables");
    for (Map.Entry<String, JsonNode> entry : written.entrySet()) {
      String name = entry.getKey();
      if (form.editable().contains(name)) {
        continue;
      }
      if (completing
          && form.readOnly().contains(name)
          && unchanged(engine, taskId, name, entry.getValue())) {
        continue;
      }
      refused.add(name);
    }
    if (!refused.isEmpty()) {
      request.abortWith(
          error(
              Response.Status.BAD_REQUEST,
              "该任务的表单不包含可填写的字段 " + String.join("、", refused) + "，请求未被执行；只能提交表单中可编辑的字段"));
    }
  }

  /** The variables a request would write (with their submitted value, or null for a deletion). */
  static Map<String, JsonNode> written(String action, String named, String method, byte[] body)
      throws IOException {
    Map<String, JsonNode> written = new LinkedHashMap<>();
    boolean variableApi = action.endsWith("ariables");
    if (variableApi && named != null) {
      written.put(named, null);
      return written;
    }
    if (body.length == 0) {
      return written;
    }
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.isObject()) {
      return written;
    }
    JsonNode values = variableApi ? root.path("modifications") : root.path("variables");
    for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      written.put(field.getKey(), field.getValue());
    }
    if (variableApi) {
      for (JsonNode deletion : root.path("deletions")) {
        written.put(deletion.asText(), null);
      }
    }
    return written;
  }

  private TaskForm formOf(ProcessEngine engine, Task task) {
    String key =
        engine.getName() + "/" + task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
    TaskForm known = forms.get(key);
    if (known != null) {
      return known;
    }
    TaskForm form;
    try (InputStream deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
      form = deployed == null ? TaskForm.NONE : TaskForm.parse(deployed);
    } catch (AuthorizationException e) {
      throw e;
    } catch (ProcessEngineException | IOException e) {
      form = TaskForm.NONE;
    }
    forms.put(key, form);
    return form;
  }

  /** A read-only field sent back as it is (Tasklist submits the whole form). */
  private static boolean unchanged(
      ProcessEngine engine, String taskId, String name, JsonNode submitted) {
    Object current = engine.getTaskService().getVariable(taskId, name);
    JsonNode value = submitted == null ? null : submitted.path("value");
    if (value == null || value.isMissingNode() || value.isNull()) {
      return current == null;
    }
    // Tasklist sends an empty read-only field (a remark not made yet) back as an empty text.
    if (current == null && value.isTextual() && value.asText().isEmpty()) {
      return true;
    }
    return current != null
        && Objects.equals(
            String.valueOf(current), value.isTextual() ? value.asText() : value.toString());
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }

  /** Camunda's own error JSON, which Tasklist shows. */
  private static Response error(Response.Status status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(write(body))
        .build();
  }

  private static String write(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
