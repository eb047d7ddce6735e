package org.lianhu.org;

/** A choice offered to a caseworker in a form select: the Chinese label and the value stored. */
public record Option(String label, String value) {}
