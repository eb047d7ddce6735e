package org.lianhu.allowance;

import java.math.BigDecimal;

/** A line of a pay sheet: a head's allowance for a month, or a correction of an earlier month. */
public record PayLine(
    long id,
    long sheetId,
    long termId,
    String headUserId,
    String headName,
    String unitCode,
    String communityCode,
    String forMonth,
    int daysInPost,
    BigDecimal base,
    BigDecimal performance,
    BigDecimal honour,
    BigDecimal total,
    String note) {}
