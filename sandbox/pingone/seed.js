// The seeded PingOne users and their MFA devices: fixed IDs so bookmarks, docs and E2E tests stay valid.
// Phone numbers are in the fictional +1 555 01xx range; emails are at example.com (RFC 2606).

const CREATED = '2024-01-15T09:30:00.000Z';
const UPDATED = '2024-03-02T14:05:00.000Z';

/** Fixed user IDs, exported for tests and docs. */
export const SEED_USER_IDS = Object.freeze({
  ada: '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c01',
  grace: '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c02',
  alan: '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c03',
  katherine: '7d3c1b2a-4e5f-4a6b-8c7d-9e0f1a2b3c04',
});

const user = (id, username, given, family, mfaEnabled) => ({
  id,
  username,
  email: `${username}@example.com`,
  given,
  family,
  mfaEnabled,
  createdAt: CREATED,
  updatedAt: UPDATED,
});

const device = (id, userId, type, extra) => ({
  id,
  userId,
  type,
  status: 'ACTIVE',
  createdAt: CREATED,
  updatedAt: CREATED,
  ...extra,
});

/** A fresh copy of the seed (callers may mutate it). Katherine has no devices, for the empty state. */
export function seedData() {
  const { ada, grace, alan, katherine } = SEED_USER_IDS;
  return {
    users: [
      user(ada, 'ada.lovelace', 'Ada', 'Lovelace', true),
      user(grace, 'grace.hopper', 'Grace', 'Hopper', true),
      user(alan, 'alan.turing', 'Alan', 'Turing', false),
      user(katherine, 'katherine.johnson', 'Katherine', 'Johnson', false),
    ],
    devices: [
      device('d1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a01', ada, 'SMS', { phone: '+15555550101', nickname: "Ada's phone" }),
      device('d1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a02', ada, 'EMAIL', { email: 'ada.lovelace@example.com' }),
      device('d1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a03', ada, 'TOTP', { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', nickname: 'Authenticator' }),
      device('d1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a04', grace, 'EMAIL', { email: 'grace.hopper@example.com' }),
      device('d1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a05', grace, 'SMS', { phone: '+15555550102' }),
      device('d1a0c3e2-5b7f-4d19-8a6e-0c2b4d6f8a06', alan, 'TOTP', { secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF' }),
    ],
  };
}
