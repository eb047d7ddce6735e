package org.lianhu.org;

/**
 * Published once at the end of an organisation import, in its transaction, instead of one {@link
 * HeadChanged} per new head: a county's workbook names up to 40,000 heads, and what follows them
 * (the heads' terms) is brought in step with the units in one set-based pass. A head an import
 * removes without a successor is still published as {@link HeadChanged}, for the unit's cases.
 */
public record HeadsImported(String importId, String actor) {}
