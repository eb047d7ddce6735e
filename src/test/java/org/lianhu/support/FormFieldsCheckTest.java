package org.lianhu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The form-fields check itself: it reads the form's read-only keys and fails a task that lacks one.
 */
class FormFieldsCheckTest {

  private static DelegateTask acceptTask() {
    UserTask model = mock(UserTask.class);
    when(model.getCamundaFormRef()).thenReturn("acceptCaseForm");
    DelegateTask task = mock(DelegateTask.class);
    when(task.getBpmnModelElementInstance()).thenReturn(model);
    when(task.getTaskDefinitionKey()).thenReturn("acceptCase");
    return task;
  }

  @Test
  void theReadOnlyKeysOfAFormAreTheFieldsItOnlyShows() {
    assertThat(FormFieldsCheck.readOnlyKeys("acceptCaseForm"))
        .containsExactly("caseNo", "categoryName", "urgencyName", "address", "description");
  }

  @Test
  void aTaskWhoseFormWouldShowAnEmptyFieldFailsNamingIt() {
    DelegateTask task = acceptTask();
    when(task.getVariable(anyString())).thenReturn("有值");
    when(task.getVariable("urgencyName")).thenReturn(null);

    assertThatThrownBy(() -> new FormFieldsCheck().taskCreated(task))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("acceptCaseForm")
        .hasMessageContaining("urgencyName")
        .hasMessageContaining("acceptCase");
  }

  @Test
  void aTaskWithEveryShownFieldSetPasses() {
    DelegateTask task = acceptTask();
    when(task.getVariable(anyString())).thenReturn("有值");

    assertThatCode(() -> new FormFieldsCheck().taskCreated(task)).doesNotThrowAnyException();
  }
}
