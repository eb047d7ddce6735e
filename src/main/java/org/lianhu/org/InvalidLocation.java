package org.lianhu.org;

/**
 * A reported location the organisation cannot place: an unknown liaison unit, half a coordinate
 * pair.
 */
public class InvalidLocation extends RuntimeException {

  private final String field;

  InvalidLocation(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, as the API names it ({@code location.liaisonUnit}). */
  public String field() {
    return field;
  }
}
