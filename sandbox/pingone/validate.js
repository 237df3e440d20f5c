// Request body checks for the emulated endpoints; each returns { value } or { details } (PingOne detail entries).
import { detail } from './errors.js';

const DEVICE_TYPES = ['SMS', 'EMAIL', 'TOTP'];
const DEVICE_STATUSES = ['ACTIVE', 'ACTIVATION_REQUIRED'];
// `+`, country code, optional `.` (PingOne's `+1.5125201234` form), digits; 8–15 digits in all (E.164).
const PHONE = /^\+\d{1,3}\.?\d{4,14}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NICKNAME = 100;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const required = (target) => detail('REQUIRED_VALUE', target, `${target} is required.`);
const invalid = (target, message) => detail('INVALID_VALUE', target, message);

function checkNickname(value, details) {
  if (typeof value !== 'string' || value.trim().length === 0 || value.trim().length > MAX_NICKNAME) {
    details.push(invalid('nickname', `nickname must be a string of 1 to ${MAX_NICKNAME} characters.`));
    return undefined;
  }
  return value.trim();
}

/** POST /devices (create). */
export function validateCreateDevice(body) {
  if (!isObject(body)) return { details: [required('type')] };
  const details = [];
  const value = {};
  if (body.type === undefined) details.push(required('type'));
  else if (!DEVICE_TYPES.includes(body.type)) {
    details.push(invalid('type', `type must be one of ${DEVICE_TYPES.join(', ')} (the sandbox emulates these).`));
  } else value.type = body.type;

  if (value.type === 'SMS') {
    const digits = typeof body.phone === 'string' ? body.phone.replace(/\D/g, '').length : 0;
    if (body.phone === undefined) details.push(required('phone'));
    else if (typeof body.phone !== 'string' || !PHONE.test(body.phone) || digits < 8 || digits > 15) {
      details.push(invalid('phone', 'phone must be in international format, e.g. +15125201234 or +1.5125201234.'));
    } else value.phone = body.phone;
  }
  if (value.type === 'EMAIL') {
    if (body.email === undefined) details.push(required('email'));
    else if (typeof body.email !== 'string' || body.email.length > 254 || !EMAIL.test(body.email)) {
      details.push(invalid('email', 'email must be a valid email address.'));
    } else value.email = body.email;
  }
  if (body.status !== undefined && !DEVICE_STATUSES.includes(body.status)) {
    details.push(invalid('status', `status must be one of ${DEVICE_STATUSES.join(', ')}.`));
  }
  value.status = body.status ?? 'ACTIVE';
  if (body.nickname !== undefined) value.nickname = checkNickname(body.nickname, details);
  return details.length > 0 ? { details } : { value };
}

/** PUT /devices/{id}/nickname. */
export function validateNickname(body) {
  const details = [];
  if (!isObject(body) || body.nickname === undefined) return { details: [required('nickname')] };
  const nickname = checkNickname(body.nickname, details);
  return details.length > 0 ? { details } : { value: nickname };
}

/** PUT /mfaEnabled. */
export function validateMfaEnabled(body) {
  if (!isObject(body) || body.mfaEnabled === undefined) return { details: [required('mfaEnabled')] };
  if (typeof body.mfaEnabled !== 'boolean') return { details: [invalid('mfaEnabled', 'mfaEnabled must be true or false.')] };
  return { value: body.mfaEnabled };
}

/** POST /devices (reorder): every id once, each one of the user's devices. */
export function validateOrder(body, deviceIds) {
  const order = isObject(body) ? body.order : undefined;
  if (!Array.isArray(order) || order.length === 0) return { details: [required('order')] };
  const ids = order.map((o) => (isObject(o) ? o.id : undefined));
  if (ids.some((id) => typeof id !== 'string' || !deviceIds.includes(id)) || new Set(ids).size !== ids.length) {
    return { details: [invalid('order', "order must list each of the user's device IDs at most once.")] };
  }
  return { value: ids };
}

/** POST /pairingKeys: optional `applications: [{ id }]`. */
export function validatePairingKey(body) {
  if (body === undefined || (isObject(body) && body.applications === undefined)) return { value: [] };
  const apps = isObject(body) ? body.applications : undefined;
  if (!Array.isArray(apps) || apps.some((a) => !isObject(a) || typeof a.id !== 'string' || !UUID.test(a.id))) {
    return { details: [invalid('applications', 'applications must be a list of { "id": "<application UUID>" }.')] };
  }
  return { value: apps.map((a) => ({ id: a.id })) };
}

/** GET /devices `filter` (SCIM-like: `status eq "ACTIVE" and type eq "SMS"`) and `limit`. */
export function parseListQuery(query) {
  const out = { filters: [], limit: undefined };
  if (query.filter !== undefined) {
    const clauses = String(query.filter).trim().split(/\s+and\s+/i);
    for (const clause of clauses) {
      const m = /^(status|type)\s+eq\s+"([A-Z_0-9]+)"$/i.exec(clause.trim());
      if (!m) return { details: [invalid('filter', 'filter supports status eq "…" and type eq "…", joined by and.')] };
      out.filters.push([m[1].toLowerCase(), m[2]]);
    }
  }
  if (query.limit !== undefined) {
    const limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return { details: [invalid('limit', 'limit must be an integer from 1 to 1000.')] };
    }
    out.limit = limit;
  }
  return { value: out };
}
