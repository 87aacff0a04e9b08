/** Failures the CLI reports with exit status 2 and a message on standard error. */

/** The command line itself is wrong (unknown option, missing file name): usage follows. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The input cannot be read: missing file, unknown extension, corrupt file, unknown sheet. */
export class UnreadableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableInputError';
  }
}

export const EXIT_OK = 0;
/** An unexpected failure of the program itself (a defect). */
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
