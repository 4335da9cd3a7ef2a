/** The error every operation throws when it does not fit the project (unknown id, duplicate id, locked claim…). */
export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}
