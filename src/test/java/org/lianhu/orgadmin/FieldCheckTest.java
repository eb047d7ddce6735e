package org.lianhu.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldCheckTest {

  private static Field field(OrgKind kind, String code) {
    return kind.field(code).orElseThrow();
  }

  private static FieldCheck.Checked check(OrgKind kind, String code, String value) {
    return FieldCheck.check(field(kind, code), value);
  }

  @Test
  void phonesAreMobilesOrLandlinesAndAMaskedOneIsKeptAsGiven() {
    assertThat(check(OrgKind.UNITS, "headPhone", " 139 0000 1234 ").value())
        .isEqualTo("13900001234");
    assertThat(check(OrgKind.UNITS, "headPhone", "0571-87654321").value())
        .isEqualTo("0571-87654321");
    assertThat(check(OrgKind.UNITS, "headPhone", "12345").failed()).isTrue();
    assertThat(check(OrgKind.UNITS, "headPhone", "23900001234").failed()).isTrue();
    assertThat(check(OrgKind.HOUSEHOLDS, "phone", "139****1234").value()).isEqualTo("139****1234");
    assertThat(FieldCheck.masked(field(OrgKind.HOUSEHOLDS, "phone"), "139****1234")).isTrue();
  }

  @Test
  void idNumbersCarryTheirCheckDigit() {
    assertThat(check(OrgKind.HOUSEHOLDS, "idNumber", "11010519491231002x").value())
        .isEqualTo("11010519491231002X");
    assertThat(check(OrgKind.HOUSEHOLDS, "idNumber", "110105199001011232").failed()).isFalse();
    assertThat(check(OrgKind.HOUSEHOLDS, "idNumber", "110105199001011233").error()).contains("校验位");
    assertThat(check(OrgKind.HOUSEHOLDS, "idNumber", "1101051990").error()).contains("18");
  }

  @Test
  void textRefusesMarkupQuotesAndFormulaStarts() {
    assertThat(check(OrgKind.STREETS, "name", "和平里（东）·一区").failed()).isFalse();
    for (String bad : new String[] {"<b>", "a'b", "x;y", "=1+1", "@cmd", "a\u0000b", "a\\b"}) {
      assertThat(check(OrgKind.STREETS, "name", bad).failed()).as(bad).isTrue();
    }
    assertThat(check(OrgKind.STREETS, "name", "长".repeat(65)).error()).contains("64");
    assertThat(check(OrgKind.STREETS, "name", "  ").error()).isEqualTo("必填");
  }

  @Test
  void codesAndIdsFollowTheirPatterns() {
    assertThat(check(OrgKind.STREETS, "code", "east-1_a").failed()).isFalse();
    assertThat(check(OrgKind.STREETS, "code", "东城").failed()).isTrue();
    assertThat(check(OrgKind.STREETS, "groupId", "street_east").failed()).isTrue();
    assertThat(check(OrgKind.DEPARTMENTS, "categories", "water_supply， noise、drainage").value())
        .isEqualTo("drainage,noise,water_supply");
  }

  @Test
  void choicesTakeTheLabelOrTheCodeAndNumbersAreNormalised() {
    assertThat(check(OrgKind.COMMUNITIES, "kind", "村").value()).isEqualTo("village");
    assertThat(check(OrgKind.COMMUNITIES, "kind", "community").value()).isEqualTo("community");
    assertThat(check(OrgKind.COMMUNITIES, "kind", "镇").failed()).isTrue();
    assertThat(check(OrgKind.HOUSEHOLDS, "careFlags", "低保,独居老人").value())
        .isEqualTo("elderly_alone,subsistence");
    assertThat(check(OrgKind.HOUSEHOLDS, "careFlags", "富裕").failed()).isTrue();
    assertThat(check(OrgKind.HOUSEHOLDS, "members", "3.0").value()).isEqualTo("3");
    assertThat(check(OrgKind.HOUSEHOLDS, "members", "2.5").failed()).isTrue();
    assertThat(check(OrgKind.HOUSEHOLDS, "members", "-1").failed()).isTrue();
    assertThat(check(OrgKind.GRIDS, "minLat", "30.1").value()).isEqualTo("30.100000");
    assertThat(check(OrgKind.GRIDS, "minLat", "north").failed()).isTrue();
  }

  @Test
  void theRetiredColumnIsYesNoOrEmpty() {
    assertThat(FieldCheck.retired("是")).contains(FieldCheck.Retirement.RETIRED);
    assertThat(FieldCheck.retired("否")).contains(FieldCheck.Retirement.ACTIVE);
    assertThat(FieldCheck.retired("")).contains(FieldCheck.Retirement.KEEP);
    assertThat(FieldCheck.retired(null)).contains(FieldCheck.Retirement.KEEP);
    assertThat(FieldCheck.retired("也许")).isEmpty();
  }
}
