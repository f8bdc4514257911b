/**
 * How a tenant is named: by its id (a GUID) or by one of its domains. The one copy of each pattern;
 * the server actions, the runtime configuration and the browser's Add organization dialog all use it.
 */

/** A tenant id: exactly a GUID, fixed-length runs only (linear on any input). */
export const TENANT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isTenantId(value: string): boolean {
  return TENANT_ID_PATTERN.test(value);
}

/**
 * A plain DNS name: ASCII labels of letters, digits and inner hyphens, at least one dot, a last
 * label of two or more characters starting with a letter. Explicit ASCII classes rather than a
 * case-insensitive flag, which under Unicode matching folds look-alikes (the Kelvin sign) into
 * letters. No scheme, port, path, quote or percent can pass, so the name is inert inside the
 * OData function-call URL even before lib/graph escapes it. Linear: each label ends at a dot, which
 * no label class matches, and the bounded runs inside a label backtrack at most 61 steps.
 */
export const DOMAIN_NAME_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$/;

export function isDomainName(value: string): boolean {
  return DOMAIN_NAME_PATTERN.test(value);
}
