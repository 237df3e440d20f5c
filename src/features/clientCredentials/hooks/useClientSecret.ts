// The client secret: held in memory while typed, remembered on this device only on opt-in and on an explicit save.
import { useState } from 'react';
import type { CredentialManager } from '../../../utils/credentialManager';

export interface ClientSecretState {
  secret: string;
  rememberSecret: boolean;
  /** Typing: memory only; the remembered copy is written when the edit is finished. */
  changeSecret(secret: string, clientId: string): void;
  /** The edit of Client ID or Client secret is finished (blur): save the secret under the client ID it belongs to. */
  commitSecret(clientId: string): void;
  /** Ticking saves the one copy for this client; un-ticking removes every remembered copy. */
  changeRemember(remember: boolean, clientId: string): void;
  /** A secret filled by the app (a demo client, a provider switch): an explicit save for that client ID. */
  storeSecret(secret: string, clientId: string): void;
}

/**
 * Why save on blur: a person expects "remember" to keep the credentials they ended up with, not one copy per
 * prefix of a client ID being typed; blur ends an edit, and it happens before any click on Get token.
 */
export function useClientSecret(credentials: CredentialManager, initialClientId: () => string): ClientSecretState {
  const [secret, setSecret] = useState(() => {
    const id = initialClientId();
    return id ? (credentials.getSecret(id) ?? '') : '';
  });
  const [rememberSecret, setRememberSecret] = useState(() => {
    const id = initialClientId();
    return id ? credentials.hasRememberedSecret(id) : false;
  });

  function save(id: string, value: string, remember = rememberSecret) {
    const trimmed = id.trim();
    if (!trimmed) return;
    if (remember) credentials.setSecret(trimmed, value, { remember: true });
    else credentials.holdSecret(trimmed, value);
  }

  return {
    secret,
    rememberSecret,
    changeSecret(next, clientId) {
      setSecret(next);
      if (clientId.trim()) credentials.holdSecret(clientId.trim(), next);
    },
    commitSecret(clientId) {
      if (secret) save(clientId, secret);
    },
    changeRemember(remember, clientId) {
      setRememberSecret(remember);
      if (remember) save(clientId, secret, true);
      else credentials.forgetRememberedSecrets(); // every remembered client, not only this one
    },
    storeSecret(next, id) {
      setSecret(next);
      save(id, next);
    },
  };
}
