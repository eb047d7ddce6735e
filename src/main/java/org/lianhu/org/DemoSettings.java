package org.lianhu.org;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianhu.demo-data}: whether the demo organisation is loaded, whose staff then get the demo
 * password on first start. Off in the {@code mysql} profile.
 */
@ConfigurationProperties("lianhu")
public record DemoSettings(@DefaultValue("false") boolean demoData) {}
