/** A module or example definition that cannot be generated; the message names the fix. */
export class DefinitionError extends Error {
  /** `new DefinitionError(unit, message)`, or one message that already names its units. */
  constructor(unitOrMessage: string, message?: string) {
    super(message === undefined ? unitOrMessage : `${unitOrMessage}: ${message}`);
    this.name = "DefinitionError";
  }
}
