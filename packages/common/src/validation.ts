import { userInputError } from './errors';

/** Checks shared by every agency's mutations; each throws an error that names the field. */

export function checkDateOrder(earlierField: string, earlier: string | null | undefined, laterField: string, later: string | null | undefined): void {
  if (earlier && later && later < earlier) {
    throw userInputError(laterField, `${later} is before ${earlierField} ${earlier}`);
  }
}

export function checkNotFuture(field: string, date: string | null | undefined, today: string): void {
  if (date && date > today) throw userInputError(field, `${date} is in the future`);
}

export function checkCount(field: string, value: number | null | undefined, options: { min?: number; max?: number } = {}): void {
  if (value === null || value === undefined) return;
  const min = options.min ?? 0;
  if (!Number.isInteger(value) || value < min) throw userInputError(field, `must be a whole number of at least ${min}, got ${value}`);
  if (options.max !== undefined && value > options.max) throw userInputError(field, `must be at most ${options.max}, got ${value}`);
}

export function checkText(field: string, value: string | null | undefined, options: { max: number; required?: boolean }): void {
  if (value === null || value === undefined || value.trim() === '') {
    if (options.required) throw userInputError(field, 'must not be empty');
    return;
  }
  if (value.length > options.max) throw userInputError(field, `must be at most ${options.max} characters`);
}
