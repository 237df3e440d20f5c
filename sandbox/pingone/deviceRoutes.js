// Emulated MFA device endpoints under /users/{userId}/devices. @see https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html
import { invalidData, invalidRequest, notFound, unsupportedMediaType } from './errors.js';
import { generateOtp, generateTotpSecret, sameCode, totpKeyUri, verifyTotp } from './totp.js';
import { parseListQuery, validateCreateDevice, validateNickname, validateOrder } from './validate.js';

export const REORDER_TYPE = 'application/vnd.pingidentity.devices.reorder+json';
export const ACTIVATE_TYPE = 'application/vnd.pingidentity.device.activate+json';

/**
 * @param {{ router: import('express').Router, store: ReturnType<import('./store.js').createStore>,
 *   rep: ReturnType<import('./representation.js').createRepresentations>,
 *   guard: (operation: string) => import('express').RequestHandler,
 *   outbox: { push(entry: object): void } }} ctx
 */
export function mountDeviceRoutes({ router, store, rep, guard, outbox }) {
  /** Runs after the guard: resolves the user (404 if unknown) and hands it to the handler. */
  const withUser = (handler) => (req, res) => {
    const user = store.getUser(req.params.userId);
    if (!user) return notFound(res, 'user');
    return handler(req, res, user);
  };
  const withDevice = (handler) =>
    withUser((req, res, user) => {
      const device = store.getDevice(user.id, req.params.deviceId);
      if (!device) return notFound(res, 'device');
      return handler(req, res, user, device);
    });

  router.get('/users/:userId/devices', guard('listDevices'), withUser((req, res, user) => {
    const query = parseListQuery(req.query);
    if (query.details) return invalidRequest(res, 'The request could not be completed. The query is invalid.', query.details);
    let devices = store.listDevices(user.id).filter((d) => query.value.filters.every(([field, v]) => d[field] === v));
    if (query.value.limit !== undefined) devices = devices.slice(0, query.value.limit);
    res.json(rep.devices(user.id, devices));
  }));

  const create = withUser((req, res, user) => {
    const checked = validateCreateDevice(req.body);
    if (checked.details) return invalidData(res, checked.details);
    const { value } = checked;
    const fields = { type: value.type, status: value.status };
    if (value.nickname !== undefined) fields.nickname = value.nickname;
    if (value.phone !== undefined) fields.phone = value.phone;
    if (value.email !== undefined) fields.email = value.email;
    if (value.type === 'TOTP') fields.secret = generateTotpSecret();
    if (value.status === 'ACTIVATION_REQUIRED' && value.type !== 'TOTP') fields.otp = generateOtp();
    const device = store.addDevice(user.id, fields);
    if (device.otp) {
      outbox.push({
        to: device.phone ?? device.email,
        channel: device.type,
        otp: device.otp,
        userId: user.id,
        deviceId: device.id,
        at: new Date().toISOString(),
      });
    }
    const body = rep.device(device);
    // The TOTP seed is shown once, in the create response only (what an authenticator app needs to enrol).
    if (device.type === 'TOTP') Object.assign(body, { secret: device.secret, keyUri: totpKeyUri(device.secret, user.username) });
    res.status(201).location(rep.deviceHref(user.id, device.id)).json(body);
  });

  const reorder = withUser((req, res, user) => {
    const checked = validateOrder(req.body, store.listDevices(user.id).map((d) => d.id));
    if (checked.details) return invalidData(res, checked.details);
    const devices = store.reorderDevices(user.id, checked.value);
    res.json({ ...rep.devices(user.id, devices), order: devices.map((d) => ({ id: d.id })) });
  });

  // One path, two actions: the media type says whether this is a create or a reorder.
  router.post('/users/:userId/devices', (req, res, next) => {
    if (req.is(REORDER_TYPE)) return guard('reorderDevices')(req, res, () => reorder(req, res, next));
    if (req.is('application/json')) return guard('createDevice')(req, res, () => create(req, res, next));
    return unsupportedMediaType(res, req.get('content-type'));
  });

  router.get('/users/:userId/devices/:deviceId', guard('readDevice'), withDevice((_req, res, _user, device) => {
    res.json(rep.device(device));
  }));

  const activate = withDevice((req, res, _user, device) => {
    const otp = req.body?.otp;
    if (typeof otp !== 'string' || otp.length === 0) {
      return invalidData(res, [{ code: 'REQUIRED_VALUE', target: 'otp', message: 'otp is required.' }]);
    }
    if (device.status !== 'ACTIVATION_REQUIRED') {
      return invalidRequest(res, 'The request could not be completed. The device does not require activation.');
    }
    const ok = device.type === 'TOTP' ? verifyTotp(device.secret, otp) : sameCode(device.otp, otp);
    if (!ok) return invalidData(res, [{ code: 'INVALID_OTP', target: 'otp', message: 'The OTP is invalid.' }]);
    const changes = { status: 'ACTIVE' };
    delete device.otp;
    res.json(rep.device(store.updateDevice(device, changes)));
  });

  router.post('/users/:userId/devices/:deviceId', (req, res, next) => {
    if (!req.is(ACTIVATE_TYPE)) return unsupportedMediaType(res, req.get('content-type'));
    return guard('activateDevice')(req, res, () => activate(req, res, next));
  });

  router.put('/users/:userId/devices/:deviceId/nickname', guard('renameDevice'), withDevice((req, res, _user, device) => {
    const checked = validateNickname(req.body);
    if (checked.details) return invalidData(res, checked.details);
    res.json(rep.device(store.updateDevice(device, { nickname: checked.value })));
  }));

  router.delete('/users/:userId/devices/:deviceId', guard('deleteDevice'), withDevice((_req, res, user, device) => {
    store.deleteDevice(user.id, device.id);
    res.status(204).end();
  }));
}
