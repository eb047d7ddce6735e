package org.lianhu.sensors;

/** What the sensor gateway gets back: the case the alert opened or joined, if any. */
public record AlertReceipt(String caseNo, boolean newCase, boolean attached) {}
