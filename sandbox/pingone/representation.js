// PingOne JSON representations: resources with absolute `_links` (self, environment, user), lists under
// `_embedded.<collection>`, ISO-8601 UTC times with milliseconds. @see https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html

/** @param {{ apiBase: string, envId: string }} base */
export function createRepresentations({ apiBase, envId }) {
  const envHref = `${apiBase}/environments/${envId}`;
  const userHref = (userId) => `${envHref}/users/${userId}`;
  const deviceHref = (userId, deviceId) => `${userHref(userId)}/devices/${deviceId}`;
  const link = (href) => ({ href });

  function user(u) {
    return {
      _links: {
        self: link(userHref(u.id)),
        environment: link(envHref),
        devices: link(`${userHref(u.id)}/devices`),
        mfaEnabled: link(`${userHref(u.id)}/mfaEnabled`),
      },
      id: u.id,
      environment: { id: envId },
      username: u.username,
      email: u.email,
      name: { given: u.given, family: u.family, formatted: `${u.given} ${u.family}` },
      enabled: true,
      lifecycle: { status: 'ACCOUNT_OK' },
      mfaEnabled: u.mfaEnabled,
      createdAt: u.createdAt,
      updatedAt: u.updatedAt,
    };
  }

  /** A device. TOTP `secret`/`keyUri` are added by the create handler only (never on reads). */
  function device(d) {
    const self = deviceHref(d.userId, d.id);
    const links = { self: link(self), environment: link(envHref), user: link(userHref(d.userId)) };
    if (d.status === 'ACTIVATION_REQUIRED') links['device.activate'] = link(self);
    const out = {
      _links: links,
      id: d.id,
      environment: { id: envId },
      user: { id: d.userId },
      type: d.type,
      status: d.status,
      lock: { status: 'UNLOCKED' },
      block: { status: 'UNBLOCKED' },
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
    if (d.nickname !== undefined) out.nickname = d.nickname;
    if (d.type === 'SMS') out.phone = d.phone;
    if (d.type === 'EMAIL') out.email = d.email;
    return out;
  }

  function list(selfHref, name, items) {
    return { _links: { self: link(selfHref) }, _embedded: { [name]: items }, count: items.length, size: items.length };
  }

  return {
    userHref,
    deviceHref,
    user,
    device,
    users: (items) => list(`${envHref}/users`, 'users', items.map(user)),
    devices: (userId, items) => list(`${userHref(userId)}/devices`, 'devices', items.map(device)),
    mfaEnabled: (u) => ({
      _links: { self: link(`${userHref(u.id)}/mfaEnabled`), user: link(userHref(u.id)) },
      mfaEnabled: u.mfaEnabled,
    }),
    pairingKeyHref: (userId, keyId) => `${userHref(userId)}/pairingKeys/${keyId}`,
    pairingKey: (k) => ({
      _links: {
        self: link(`${userHref(k.userId)}/pairingKeys/${k.id}`),
        environment: link(envHref),
        user: link(userHref(k.userId)),
      },
      id: k.id,
      environment: { id: envId },
      user: { id: k.userId },
      token: k.token,
      status: k.status,
      applications: k.applications,
      createdAt: k.createdAt,
      expiresAt: k.expiresAt,
    }),
  };
}
