/** Tolerance for comparing sums of floating-point dollars against a cap (a millionth of a cent). */
export const USD_EPSILON = 1e-8;

/** True when `total` is above `cap` by more than rounding noise. */
export function exceeds(total: number, cap: number): boolean {
  return total > cap + USD_EPSILON;
}
