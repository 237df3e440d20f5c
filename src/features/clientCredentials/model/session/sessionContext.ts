// What every part of the flow session shares: its store, the app's auth stores, the services it calls, and the
// values derived from the state (the signing key in use, the credentials, the validation context).
import type { AuthStores } from '../../../../contexts/authStores';
import type { DiscoveryResult } from '../../../../services/discoveryService';
import type { RelayCredential } from '../../../../services/relayAdmin';
import type { SandboxClient, SandboxClientRegistration, SandboxInfo } from '../../../../services/sandboxAdmin';
import type { SigningKey } from '../../../../utils/keys';
import type { X509Thumbprints } from '../../../../utils/x509Thumbprint';
import { setSlice, type Store } from '../../../../utils/store';
import type { ValidationContext } from '../flowFormSchema';
import type { FlowPersistence } from '../flowPersistence';
import type { FlowCredentials } from '../flowRequest';
import type { FlowForm } from '../flowTypes';
import type { ProfileConfig } from '../profileConfig';
import type { FieldSources } from '../providerPresets';
import type { ProfileStore } from '../../../../utils/profiles/profileStore';
import type { FlowSessionState } from './sessionState';

/** The outside systems the session talks to (services; tests give fakes or msw-backed real ones). */
export interface FlowServices {
  getSandboxInfo(baseUrl: string): Promise<SandboxInfo>;
  registerSandboxClient(registration: SandboxClientRegistration, baseUrl: string): Promise<SandboxClient>;
  discover(issuerOrDiscoveryUrl: string): Promise<DiscoveryResult>;
  uploadRelayCredential(relayUrl: string, pem: { cert: string; key: string; ca?: string }): Promise<RelayCredential>;
}

export interface SessionDeps {
  stores: AuthStores;
  persistence: FlowPersistence;
  /** The sandbox's origin (`provider.sandboxUrl`). */
  sandboxUrl: string;
  /** The local relay's address (`relay.url`). */
  relayUrl: string;
  services: FlowServices;
  /** The saved profiles on this device (issue 22). */
  profileStore: ProfileStore<ProfileConfig>;
  /** The form the configuration starts from: a new profile starts here, and a profile's missing fields come from it. */
  startForm: { form: FlowForm; sources: FieldSources };
}

export interface SessionContext extends SessionDeps {
  store: Store<FlowSessionState>;
  get(): FlowSessionState;
  set<K extends keyof FlowSessionState>(key: K, value: FlowSessionState[K] | ((current: FlowSessionState[K]) => FlowSessionState[K])): void;
}

export function createSessionContext(deps: SessionDeps, store: Store<FlowSessionState>): SessionContext {
  return { ...deps, store, get: store.getSnapshot, set: (key, value) => setSlice(store, key, value) };
}

/** The signing key the form names, if it is loaded. */
export function selectedKeyOf(state: Pick<FlowSessionState, 'keys' | 'form'>): SigningKey | undefined {
  return state.keys.list.find((k) => k.id === state.form.keyRef)?.key;
}

/** The certificate thumbprints of the key the form names, when it was imported as a certificate credential. */
export function selectedCertificateOf(state: Pick<FlowSessionState, 'keys' | 'form'>): X509Thumbprints | undefined {
  return state.keys.list.find((k) => k.id === state.form.keyRef)?.certificate;
}

/** The credentials that never enter the form: the secret, the key, the relay and its pasted certificate. */
export function credentialsOf(state: FlowSessionState, ctx: Pick<SessionDeps, 'stores' | 'relayUrl'>): FlowCredentials {
  const held = ctx.stores.relayCredential.getSnapshot();
  return { secret: state.secret, key: selectedKeyOf(state), certificate: selectedCertificateOf(state), relayUrl: ctx.relayUrl, mtlsCredential: held?.credential };
}

/** What field validation needs besides the form. */
export function validationContext(state: Pick<FlowSessionState, 'form' | 'secret' | 'keys'>, hasMtlsCredential: boolean): ValidationContext {
  return { secret: state.secret, hasKey: state.keys.list.some((k) => k.id === state.form.keyRef), hasMtlsCredential };
}

/** The same, with the relay's certificate as the app's stores hold it now. */
export function validationContextOf(state: FlowSessionState, ctx: Pick<SessionDeps, 'stores'>): ValidationContext {
  return validationContext(state, ctx.stores.relayCredential.getSnapshot() !== undefined);
}
