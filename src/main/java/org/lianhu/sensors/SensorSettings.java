package org.lianhu.sensors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code lianhu.alerts.*}: which alert type becomes which case category, and the gateways' API
 * keys.
 */
@Component
@ConfigurationProperties(prefix = "lianhu.alerts")
public class SensorSettings {

  private Map<String, String> categories = new LinkedHashMap<>();
  private List<String> apiKeys = List.of();

  public Map<String, String> getCategories() {
    return categories;
  }

  public void setCategories(Map<String, String> categories) {
    this.categories = categories;
  }

  public List<String> getApiKeys() {
    return apiKeys;
  }

  public void setApiKeys(List<String> apiKeys) {
    this.apiKeys = apiKeys;
  }
}
