// Input checks for PingOne device calls, run before any request so bad input never costs a round trip.
import { InputError } from '../../utils/errors';
import type { CreateDeviceInput, PingOneDeviceStatus, PingOneDeviceType } from './types';

const UUID_ISH = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** E.164-ish: `+`, a 1–3 digit country code, an optional `.` (PingOne's `+1.5125201234` form), then digits. */
const PHONE = /^\+\d{1,3}\.?\d{4,14}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const OTP = /^\d{6,8}$/;
export const DEVICE_TYPES: readonly PingOneDeviceType[] = ['SMS', 'EMAIL', 'TOTP'];
export const DEVICE_STATUSES: readonly PingOneDeviceStatus[] = ['ACTIVE', 'ACTIVATION_REQUIRED'];
export const MAX_NICKNAME_LENGTH = 100;

/** A PingOne resource id (users, devices, pairing keys and applications are UUIDs). Also keeps paths clean. */
export function validateResourceId(value: string, field: string): string {
  const id = typeof value === 'string' ? value.trim() : '';
  if (!UUID_ISH.test(id)) throw new InputError(field, `${field} must be a PingOne ID (a UUID).`);
  return id;
}

/**
 * A phone number for an SMS device. Spaces, dashes and brackets are dropped; the result must be `+` and
 * 8–15 digits, with at most one `.` after the country code.
 */
export function validatePhone(value: string): string {
  const phone = (typeof value === 'string' ? value : '').replace(/[\s()-]/g, '');
  const digits = phone.replace(/\D/g, '').length;
  if (!PHONE.test(phone) || digits < 8 || digits > 15) {
    throw new InputError('phone', 'Enter the phone number in international format, e.g. +15125201234 or +1.5125201234.');
  }
  return phone;
}

export function validateEmail(value: string): string {
  const email = typeof value === 'string' ? value.trim() : '';
  if (email.length > 254 || !EMAIL.test(email)) throw new InputError('email', 'Enter a valid email address.');
  return email;
}

/** A one-time passcode: 6–8 digits (PingOne's configurable OTP length). */
export function validateOtp(value: string): string {
  const otp = typeof value === 'string' ? value.trim() : '';
  if (!OTP.test(otp)) throw new InputError('otp', 'The one-time passcode is 6 to 8 digits.');
  return otp;
}

export function validateNickname(value: string): string {
  const nickname = typeof value === 'string' ? value.trim() : '';
  if (nickname.length < 1 || nickname.length > MAX_NICKNAME_LENGTH) {
    throw new InputError('nickname', `The nickname must be 1 to ${MAX_NICKNAME_LENGTH} characters.`);
  }
  return nickname;
}

/** Checks a create-device request and returns the JSON body PingOne expects. */
export function validateCreateDevice(input: CreateDeviceInput): Record<string, string> {
  if (!input || !DEVICE_TYPES.includes(input.type)) {
    throw new InputError('type', `The device type must be one of ${DEVICE_TYPES.join(', ')}.`);
  }
  const body: Record<string, string> = { type: input.type };
  if (input.type === 'SMS') body.phone = validatePhone(input.phone ?? '');
  if (input.type === 'EMAIL') body.email = validateEmail(input.email ?? '');
  if (input.nickname !== undefined && input.nickname !== '') body.nickname = validateNickname(input.nickname);
  if (input.status !== undefined) {
    if (!DEVICE_STATUSES.includes(input.status)) {
      throw new InputError('status', `The status must be one of ${DEVICE_STATUSES.join(', ')}.`);
    }
    body.status = input.status;
  }
  return body;
}
