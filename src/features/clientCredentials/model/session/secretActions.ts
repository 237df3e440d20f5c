// The client secret in the session: held in memory while typed, remembered on this device only on opt-in, saved
// under its client ID when an edit ends (blur), so "remember" keeps the credentials a person ended up with, not one
// copy per prefix of a client ID being typed.
import { revalidated } from './formActions';
import type { SessionContext } from './sessionContext';

export interface SecretActions {
  /** Typing: memory only; the remembered copy is written when the edit is finished. */
  changeSecret(secret: string): void;
  /** The edit of Client ID or Client secret is finished (blur): save the secret under the client ID. */
  commitSecret(): void;
  /** Ticking saves the one copy for this client; un-ticking removes every remembered copy. */
  changeRemember(remember: boolean): void;
  /** A secret filled by the app (a demo client, a provider switch): an explicit save for that client ID. */
  storeSecret(secret: string, clientId: string): void;
  /** Empties the field only: the held copy stays, since another profile may use the same client (issue 22). */
  clearShownSecret(): void;
}

/** The secret a client ID starts with: the remembered or held copy, if any. */
export function initialSecret(ctx: Pick<SessionContext, 'stores'>, clientId: string): { secret: string; rememberSecret: boolean } {
  const id = clientId.trim();
  if (!id) return { secret: '', rememberSecret: false };
  const { credentialManager } = ctx.stores;
  return { secret: credentialManager.getSecret(id) ?? '', rememberSecret: credentialManager.hasRememberedSecret(id) };
}

export function secretActions(ctx: SessionContext): SecretActions {
  const credentials = ctx.stores.credentialManager;
  const clientId = () => ctx.get().form.clientId.trim();

  function save(id: string, value: string, remember = ctx.get().rememberSecret) {
    if (!id.trim()) return;
    if (remember) credentials.setSecret(id.trim(), value, { remember: true });
    else credentials.holdSecret(id.trim(), value);
  }

  function setSecret(secret: string) {
    ctx.store.update((s) => (s.secret === secret ? s : revalidated({ ...s, secret }, ctx)));
  }

  return {
    changeSecret(secret) {
      setSecret(secret);
      if (clientId()) credentials.holdSecret(clientId(), secret);
    },
    commitSecret() {
      const { secret } = ctx.get();
      if (secret) save(clientId(), secret);
    },
    changeRemember(remember) {
      ctx.set('rememberSecret', remember);
      if (remember) save(clientId(), ctx.get().secret, true);
      else credentials.forgetRememberedSecrets(); // every remembered client, not only this one
    },
    storeSecret(secret, id) {
      setSecret(secret);
      save(id, secret);
    },
    clearShownSecret: () => setSecret(''),
  };
}
