import type { z } from 'zod';
import { UsherError } from '../errors.ts';

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function paramName(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One zod issue as API errors. Messages never echo the received value (it may be a password). */
function toErrors(issue: Issue, input: unknown): UsherError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      (key) => new UsherError('form_param_unknown', { paramName: paramName([...issue.path, key]), longMessage: `\`${paramName([...issue.path, key])}\` is not a field of this request.` }),
    );
  }
  const name = paramName(issue.path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(input, issue.path) === undefined) {
    return [new UsherError('form_param_missing', { paramName: name, longMessage: `\`${name}\` is required.` })];
  }
  if (issue.code === 'too_big' && /(^|_)password$/.test(name)) {
    return [new UsherError('form_password_length_too_long', { paramName: name })];
  }
  const detail =
    issue.code === 'too_big'
      ? 'is too long'
      : issue.code === 'invalid_type'
        ? `must be of type ${issue.expected}`
        : issue.code === 'invalid_value' || issue.code === 'invalid_union'
          ? 'has a value that is not accepted'
          : 'has an invalid format';
  return [new UsherError('form_param_format_invalid', { paramName: name, longMessage: `\`${name}\` ${detail}.` })];
}

/**
 * Validates a request body with its zod schema. A missing body counts as `{}`; a body that is not
 * a JSON object is 400; field problems are 422 with one error per problem.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const input = body === undefined ? {} : body;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UsherError('request_body_invalid', { longMessage: 'The request body must be a JSON object.' });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.flatMap((issue) => toErrors(issue, input));
  const [first, ...more] = errors;
  if (!first) throw new UsherError('request_body_invalid');
  throw new UsherError(first.code, { status: first.status, paramName: first.paramName, message: first.message, longMessage: first.longMessage, more });
}
