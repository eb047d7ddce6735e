package org.lianhu;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.mediation.DisputeLifecycle;

/**
 * One owner per aggregate: each table of a case, a dispute or the organisation is written by one
 * mapper XML, and the statements that write it are called from one class. A status is never a
 * literal in a mapper's SQL: the enums that define them are passed as parameters.
 */
class AggregateOwnersTest {

  private static final Path MAPPERS = Path.of("src/main/resources/org/lianhu");
  private static final Pattern WRITE =
      Pattern.compile("<(insert|update|delete)\\s+id=\"(\\w+)\"(.*?)</\\1>", Pattern.DOTALL);
  private static final Pattern TABLE =
      Pattern.compile(
          "\\b(?:insert\\s+into|update|delete\\s+from)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern STATUS_LITERAL =
      Pattern.compile(
          "\\bstatus\\s*(?:=|&lt;&gt;|<>|!=|(?:not\\s+)?in)\\s*\\(?\\s*'",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, String> OWNER_OF_MAPPER =
      Map.ofEntries(
          Map.entry("org.lianhu.cases.CaseMapper", CaseLifecycle.class.getName()),
          Map.entry("org.lianhu.mediation.DisputeMapper", DisputeLifecycle.class.getName()),
          Map.entry(
              "org.lianhu.orgadmin.OrganisationStore", "org.lianhu.orgadmin.OrganisationChanges"),
          Map.entry("org.lianhu.liaison.VisitMapper", "org.lianhu.liaison.Visits"),
          Map.entry("org.lianhu.liaison.ActivityMapper", "org.lianhu.liaison.Activities"),
          Map.entry("org.lianhu.posts.PostMapper", "org.lianhu.posts.PostLifecycle"),
          Map.entry("org.lianhu.posts.TermMapper", "org.lianhu.posts.Terms"),
          Map.entry("org.lianhu.training.TrainingMapper", "org.lianhu.training.Training"),
          Map.entry(
              "org.lianhu.evaluation.EvaluationMapper",
              "org.lianhu.evaluation.EvaluationLifecycle"),
          Map.entry("org.lianhu.allowance.PayMapper", "org.lianhu.allowance.PaySheets"),
          Map.entry("org.lianhu.allowance.AwardMapper", "org.lianhu.allowance.Awards"),
          Map.entry(
              "org.lianhu.attachments.AttachmentMapper", "org.lianhu.attachments.Attachments"));

  /** Written only through OrganisationStore, whose statements name the table as ${table}. */
  private static final List<String> ORGANISATION_TABLES =
      List.of(
          "street",
          "community",
          "grid",
          "liaison_unit",
          "household",
          "department",
          "department_office",
          "mediation_body",
          "staff",
          "organisation_audit");

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.lianhu");

  @Test
  void eachAggregateTableIsWrittenByOneMapper() throws IOException {
    Map<String, Set<String>> writersOfTable = new TreeMap<>();
    for (Path xml : mapperXmls()) {
      String namespace = namespace(xml);
      Matcher write = WRITE.matcher(Files.readString(xml));
      while (write.find()) {
        Matcher table = TABLE.matcher(write.group(3));
        while (table.find()) {
          writersOfTable
              .computeIfAbsent(table.group(1).toLowerCase(), t -> new TreeSet<>())
              .add(namespace);
        }
      }
    }
    for (String table : List.of("case_record", "case_timeline", "case_return", "case_extension")) {
      assertThat(writersOfTable.get(table))
          .as(table)
          .containsExactly("org.lianhu.cases.CaseMapper");
    }
    for (String table : List.of("dispute", "dispute_party", "dispute_timeline")) {
      assertThat(writersOfTable.get(table))
          .as(table)
          .containsExactly("org.lianhu.mediation.DisputeMapper");
    }
    for (String table : ORGANISATION_TABLES) {
      assertThat(writersOfTable.getOrDefault(table, Set.of()))
          .as(table)
          .isSubsetOf("org.lianhu.orgadmin.OrganisationStore");
    }
  }

  @Test
  void onlyTheLifecycleCallsTheStatementsThatWriteItsAggregate() throws IOException {
    for (Path xml : mapperXmls()) {
      String mapper = namespace(xml);
      String owner = OWNER_OF_MAPPER.get(mapper);
      if (owner == null) {
        continue;
      }
      Set<String> writes = writeIds(xml);
      assertThat(writes).as("write statements of %s", mapper).isNotEmpty();
      Set<String> callers =
          MAIN.get(mapper).getMethodCallsToSelf().stream()
              .filter(call -> writes.contains(call.getName()))
              .map(JavaMethodCall::getOriginOwner)
              .map(c -> c.getName())
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(callers).as("classes that write through %s", mapper).containsExactly(owner);
    }
  }

  @Test
  void noMapperSpellsAStatusOutInItsSql() throws IOException {
    for (Path xml : mapperXmls()) {
      assertThat(STATUS_LITERAL.matcher(Files.readString(xml)).find())
          .as(
              "%s compares a status with a literal; pass CaseStatus/DisputeStatus as a parameter",
              xml)
          .isFalse();
    }
  }

  @Test
  void theStatusCheckRecognisesALiteral() {
    assertThat(STATUS_LITERAL.matcher("where status not in ('CLOSED', 'REJECTED')").find())
        .isTrue();
    assertThat(
            STATUS_LITERAL.matcher("sum(case when status &lt;&gt; 'REJECTED' then 1 end)").find())
        .isTrue();
    assertThat(STATUS_LITERAL.matcher("set status = 'AGREED', tier = 2").find()).isTrue();
    assertThat(STATUS_LITERAL.matcher("set status = #{status}").find()).isFalse();
  }

  private static List<Path> mapperXmls() throws IOException {
    try (Stream<Path> files = Files.walk(MAPPERS)) {
      return files.filter(f -> f.toString().endsWith("Mapper.xml")).sorted().toList();
    }
  }

  private static String namespace(Path xml) throws IOException {
    Matcher namespace = Pattern.compile("namespace=\"([\\w.]+)\"").matcher(Files.readString(xml));
    assertThat(namespace.find()).as("namespace of %s", xml).isTrue();
    return namespace.group(1);
  }

  private static Set<String> writeIds(Path xml) throws IOException {
    Set<String> ids = new TreeSet<>();
    Matcher write = WRITE.matcher(Files.readString(xml));
    while (write.find()) {
      ids.add(write.group(2));
    }
    return ids;
  }
}
