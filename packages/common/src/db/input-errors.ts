import { MiddlewareFn } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import { userInputError } from '../errors';

/**
 * PostgreSQL's "data exception" class (22…): a value of the wrong form for its column
 * (`invalid input syntax for type uuid: "x"`, a date out of range…). Such an error is
 * the caller's, not the service's.
 */
export function isDataException(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string } | undefined)?.code : undefined;
  return typeof code === 'string' && code.startsWith('22');
}

/** Where in `args` a string equal to `value` sits (`filter.institutionId`), if anywhere. */
function pathOf(args: unknown, value: string, path: string[] = []): string | null {
  if (typeof args === 'string') return args === value && path.length ? path.join('.') : null;
  if (Array.isArray(args)) {
    for (const item of args) {
      const found = pathOf(item, value, path);
      if (found) return found;
    }
    return null;
  }
  if (args && typeof args === 'object') {
    for (const [key, inner] of Object.entries(args)) {
      const found = pathOf(inner, value, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A resolver whose SQL fails because an argument has the wrong form (an id that is not
 * a uuid, a date that is not one) answers BAD_USER_INPUT naming that argument, instead
 * of an internal error.
 */
export const dataExceptionsAsInputErrors: MiddlewareFn = async ({ args }, next) => {
  try {
    return await next();
  } catch (error) {
    if (!isDataException(error)) throw error;
    const value = (error as Error).message.match(/: "(.*)"$/)?.[1];
    const field = value !== undefined ? pathOf(args, value) : null;
    if (!field) throw error;
    throw userInputError(field, `'${value}' is not a valid value here`);
  }
};
