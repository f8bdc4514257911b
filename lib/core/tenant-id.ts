/** A tenant id: exactly a GUID, fixed-length runs only (linear on any input). */
export const TENANT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isTenantId(value: string): boolean {
  return TENANT_ID_PATTERN.test(value);
}
