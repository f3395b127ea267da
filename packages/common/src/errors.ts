import { GraphQLError } from 'graphql';

/** A caller's mistake in one field: the message says what is wrong, `extensions.field` names it. */
export function userInputError(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

export function notFoundError(what: string, id: string, field = 'id'): GraphQLError {
  return new GraphQLError(`${what} '${id}' does not exist`, {
    extensions: { code: 'NOT_FOUND', field },
  });
}

export function conflictError(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...(field ? { field } : {}) } });
}
