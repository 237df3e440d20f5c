// MFA device operations (https://apidocs.pingidentity.com/pingone/mfa/v1/api/), typed, validated, and sent through the one request door.
import { PINGONE_ACTIVATE_CONTENT_TYPE, PINGONE_REORDER_CONTENT_TYPE } from '../../config/pingone';
import { InputError, PlaygroundError } from '../../utils/errors';
import type { CreateDeviceInput, PingOneDevice, PlatformRequest } from './types';
import { validateCreateDevice, validateNickname, validateOtp, validateResourceId } from './validation';

export interface PingOneDeviceMethods {
  /** `GET /users/{userId}/devices` → the devices in the user's order. */
  listDevices(userId: string): Promise<PingOneDevice[]>;
  getDevice(userId: string, deviceId: string): Promise<PingOneDevice>;
  /**
   * `POST /users/{userId}/devices`. For TOTP the result carries `secret` and `keyUri` (create response only);
   * an SMS/EMAIL device created as ACTIVATION_REQUIRED gets its OTP by SMS/email.
   */
  createDevice(userId: string, input: CreateDeviceInput): Promise<PingOneDevice>;
  /** `POST /users/{userId}/devices/{deviceId}` with the activate media type and `{ otp }`. */
  activateDevice(userId: string, deviceId: string, otp: string): Promise<PingOneDevice>;
  /** `PUT /users/{userId}/devices/{deviceId}/nickname`. */
  renameDevice(userId: string, deviceId: string, nickname: string): Promise<PingOneDevice>;
  deleteDevice(userId: string, deviceId: string): Promise<void>;
  /** `POST /users/{userId}/devices` with the reorder media type and `{ order: [{ id }] }`. */
  reorderDevices(userId: string, deviceIds: readonly string[]): Promise<void>;
}

function asDevice(value: unknown): PingOneDevice {
  const v = value as Partial<PingOneDevice> | undefined;
  if (!v || typeof v !== 'object' || typeof v.id !== 'string' || typeof v.type !== 'string') {
    throw new PlaygroundError('INVALID_RESPONSE', 'PingOne returned something that is not a device.');
  }
  return v as PingOneDevice;
}

function asDeviceList(value: unknown): PingOneDevice[] {
  const devices = (value as { _embedded?: { devices?: unknown } } | undefined)?._embedded?.devices;
  if (devices === undefined) return [];
  if (!Array.isArray(devices)) throw new PlaygroundError('INVALID_RESPONSE', 'PingOne returned a malformed device list.');
  return devices.map(asDevice);
}

const devicesPath = (userId: string) => `/users/${encodeURIComponent(validateResourceId(userId, 'userId'))}/devices`;
const devicePath = (userId: string, deviceId: string) =>
  `${devicesPath(userId)}/${encodeURIComponent(validateResourceId(deviceId, 'deviceId'))}`;

/** Binds the device operations to a request function. Input is validated before anything is sent. */
export function createDeviceMethods(request: PlatformRequest): PingOneDeviceMethods {
  return {
    async listDevices(userId) {
      return asDeviceList(await request('GET', devicesPath(userId)));
    },
    async getDevice(userId, deviceId) {
      return asDevice(await request('GET', devicePath(userId, deviceId)));
    },
    async createDevice(userId, input) {
      const path = devicesPath(userId);
      const body = validateCreateDevice(input);
      return asDevice(await request('POST', path, { body }));
    },
    async activateDevice(userId, deviceId, otp) {
      const path = devicePath(userId, deviceId);
      const body = { otp: validateOtp(otp) };
      return asDevice(await request('POST', path, { body, contentType: PINGONE_ACTIVATE_CONTENT_TYPE }));
    },
    async renameDevice(userId, deviceId, nickname) {
      const path = `${devicePath(userId, deviceId)}/nickname`;
      return asDevice(await request('PUT', path, { body: { nickname: validateNickname(nickname) } }));
    },
    async deleteDevice(userId, deviceId) {
      await request('DELETE', devicePath(userId, deviceId));
    },
    async reorderDevices(userId, deviceIds) {
      const path = devicesPath(userId);
      if (!Array.isArray(deviceIds) || deviceIds.length === 0) {
        throw new InputError('order', 'Give at least one device to reorder.');
      }
      const order = deviceIds.map((id) => ({ id: validateResourceId(id, 'order') }));
      await request('POST', path, { body: { order }, contentType: PINGONE_REORDER_CONTENT_TYPE });
    },
  };
}
