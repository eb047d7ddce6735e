package org.lianhu.liaison;

/**
 * Households visited in a month over the active households of one unit, grid, community or street.
 */
public record Coverage(String code, String name, long households, long visited) {

  /** The share visited, 0 to 1; 1 for a unit without households (nothing left to visit). */
  public double rate() {
    return households == 0 ? 1.0 : (double) visited / households;
  }
}
