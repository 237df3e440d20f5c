// Input checks for microauthd user calls, run before any request so bad input never costs a round trip.
import { InputError } from '../../utils/errors';
import type { ProvisionUserInput } from './types';

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const MAX_ID_LENGTH = 128;

/** A user id for a path segment: non-empty, no whitespace or slashes (microauthd ids are UUIDs). */
export function validateUserId(value: string): string {
  const id = typeof value === 'string' ? value.trim() : '';
  if (id === '') throw new InputError('id', 'Enter the user ID.');
  if (id.length > MAX_ID_LENGTH || /[\s/\\?#]/.test(id)) {
    throw new InputError('id', 'The user ID must be a single identifier (microauthd uses UUIDs).');
  }
  return id;
}

/** A password field: non-empty (the server applies its own policy). Not trimmed: spaces may be intended. */
export function validatePassword(value: string, field: 'password' | 'new_password'): string {
  if (typeof value !== 'string' || value.length === 0) throw new InputError(field, 'Enter a password.');
  return value;
}

/** Checks a provision request and returns the JSON body microauthd expects. */
export function validateProvisionUser(input: ProvisionUserInput): ProvisionUserInput {
  const username = typeof input?.username === 'string' ? input.username.trim() : '';
  if (username === '') throw new InputError('username', 'Enter a username.');
  const email = typeof input?.email === 'string' ? input.email.trim() : '';
  if (email === '') throw new InputError('email', 'Enter an email address.');
  if (email.length > 254 || !EMAIL.test(email)) throw new InputError('email', 'Enter a valid email address.');
  const password = validatePassword(input?.password, 'password');
  return { username, email, password };
}
