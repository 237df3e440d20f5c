// Emulated user-level endpoints: /users, /users/{id}, /users/{id}/mfaEnabled, /users/{id}/pairingKeys.
import { invalidData, notFound } from './errors.js';
import { validateMfaEnabled, validatePairingKey } from './validate.js';

/**
 * @param {{ router: import('express').Router, store: ReturnType<import('./store.js').createStore>,
 *   rep: ReturnType<import('./representation.js').createRepresentations>,
 *   guard: (operation: string) => import('express').RequestHandler }} ctx
 */
export function mountUserRoutes({ router, store, rep, guard }) {
  const withUser = (handler) => (req, res) => {
    const user = store.getUser(req.params.userId);
    if (!user) return notFound(res, 'user');
    return handler(req, res, user);
  };
  const withKey = (handler) =>
    withUser((req, res, user) => {
      const key = store.getPairingKey(user.id, req.params.keyId);
      if (!key) return notFound(res, 'pairing key');
      return handler(req, res, user, key);
    });

  router.get('/users', guard('listUsers'), (_req, res) => {
    res.json(rep.users(store.listUsers()));
  });

  router.get('/users/:userId', guard('readUser'), withUser((_req, res, user) => {
    res.json(rep.user(user));
  }));

  router.get('/users/:userId/mfaEnabled', guard('readMfaEnabled'), withUser((_req, res, user) => {
    res.json(rep.mfaEnabled(user));
  }));

  router.put('/users/:userId/mfaEnabled', guard('updateMfaEnabled'), withUser((req, res, user) => {
    const checked = validateMfaEnabled(req.body);
    if (checked.details) return invalidData(res, checked.details);
    store.setMfaEnabled(user, checked.value);
    res.json(rep.mfaEnabled(user));
  }));

  router.post('/users/:userId/pairingKeys', guard('createPairingKey'), withUser((req, res, user) => {
    const checked = validatePairingKey(req.body);
    if (checked.details) return invalidData(res, checked.details);
    const key = store.addPairingKey(user.id, checked.value);
    res.status(201).location(rep.pairingKeyHref(user.id, key.id)).json(rep.pairingKey(key));
  }));

  router.get('/users/:userId/pairingKeys/:keyId', guard('readPairingKey'), withKey((_req, res, _user, key) => {
    res.json(rep.pairingKey(key));
  }));

  router.delete('/users/:userId/pairingKeys/:keyId', guard('deletePairingKey'), withKey((_req, res, _user, key) => {
    store.deletePairingKey(key.id);
    res.status(204).end();
  }));
}
