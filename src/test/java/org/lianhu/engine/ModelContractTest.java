package org.lianhu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.steps.RouteCase;
import org.lianhu.mediation.MediationVariables;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The contract between processes/ and the Java code: every delegate and listener expression of a
 * model names a Spring bean of the right kind, and every process key and decision id that Java uses
 * exists in the models. (Forms: {@code ProcessModelsTest} checks every formRef; {@code
 * support.FormFieldsCheck} checks, in every test that reaches a task, that the fields its form
 * shows are set.)
 */
@EngineTest
class ModelContractTest extends CaseLoopTestSupport {

  private static final Path PROCESSES = Path.of("processes");
  private static final Pattern BEAN =
      Pattern.compile("camunda:delegateExpression=\"\\$\\{([A-Za-z0-9_]+)}\"");

  @Autowired private ApplicationContext context;

  private static List<Path> files(String extension) throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  @Test
  void everyDelegateAndListenerExpressionNamesABeanOfItsKind() throws IOException {
    List<String> named = new ArrayList<>();
    for (Path model : files(".bpmn")) {
      Matcher bean = BEAN.matcher(Files.readString(model));
      while (bean.find()) {
        named.add(bean.group(1));
      }
    }

    assertThat(named).hasSizeGreaterThan(20);
    assertThat(named)
        .allSatisfy(
            name -> {
              assertThat(context.containsBean(name))
                  .as("bean %s named in processes/", name)
                  .isTrue();
              Object bean = context.getBean(name);
              assertThat(
                      bean instanceof JavaDelegate
                          || bean instanceof TaskListener
                          || bean instanceof ExecutionListener)
                  .as("%s is a delegate or a listener", name)
                  .isTrue();
            });
  }

  @Test
  void theProcessKeysAndDecisionIdsJavaUsesExistInTheModels() throws IOException {
    Set<String> processes = new TreeSet<>();
    for (Path model : files(".bpmn")) {
      Bpmn.readModelFromFile(model.toFile())
          .getModelElementsByType(Process.class)
          .forEach(process -> processes.add(process.getId()));
    }
    Set<String> decisions = new TreeSet<>();
    for (Path table : files(".dmn")) {
      Dmn.readModelFromFile(table.toFile())
          .getModelElementsByType(Decision.class)
          .forEach(decision -> decisions.add(decision.getId()));
    }

    assertThat(processes).contains(CaseVariables.PROCESS_KEY, MediationVariables.PROCESS_KEY);
    assertThat(decisions)
        .contains(
            RouteCase.DECISION, CaseDeadlines.DECISION, MediationVariables.DEADLINES_DECISION);
  }
}
