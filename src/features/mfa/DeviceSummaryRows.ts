// A PingOne device-list response as summary rows: type, status, nickname and the contact, masked.
import { maskEmail, maskPhone } from '../../utils/mask';
import { parseJsonSafely } from '../../utils/secureJson';

/** Phone and email are shown masked only: the full value never reaches the DOM (device rows and the summary). */
export function maskedContact(device: { phone?: string | undefined; email?: string | undefined }): string | undefined {
  if (device.phone) return maskPhone(device.phone);
  if (device.email) return maskEmail(device.email);
  return undefined;
}

export interface DeviceSummaryRow {
  id: string;
  type: string;
  status: string;
  nickname: string;
  /** Phone or email, masked (the full value never reaches the summary). */
  contact: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The rows of a `GET /users/{id}/devices` body (`_embedded.devices`, PingOne's HAL list), or undefined when the
 * body is not such a list — a cut-off snippet or another call's answer — so the caller shows it as it came.
 * @see https://apidocs.pingidentity.com/pingone/platform/v1/api/#get-read-mfa-user-devices
 */
export function deviceSummaryRows(body: string): DeviceSummaryRow[] | undefined {
  const parsed = parseJsonSafely(body);
  if (!parsed.ok) return undefined;
  const devices = (parsed.value as { _embedded?: { devices?: unknown } } | null)?._embedded?.devices;
  if (!Array.isArray(devices)) return undefined;
  return devices.map((raw: unknown, i) => {
    const d = (raw ?? {}) as Record<string, unknown>;
    const phone = text(d.phone);
    const email = text(d.email);
    return {
      id: text(d.id) || String(i),
      type: text(d.type) || '?',
      status: text(d.status) || '?',
      nickname: text(d.nickname),
      contact: maskedContact({ phone, email }) ?? '',
    };
  });
}
