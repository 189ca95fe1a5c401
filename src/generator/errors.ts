/** A module or example definition that cannot be generated; the message names the fix. */
export class DefinitionError extends Error {
  constructor(unit: string, message: string) {
    super(`${unit}: ${message}`);
    this.name = "DefinitionError";
  }
}
