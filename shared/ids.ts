/** Unique ids for project entities, e.g. "claim-3f2a…". */
export function newId(prefix: string): string {
  const uuid = globalThis.crypto.randomUUID();
  return prefix ? `${prefix}-${uuid}` : uuid;
}
