// The flow session's state: one immutable snapshot holding everything the Client Credentials page shows.
import type { DiscoveryResult } from '../../../../services/discoveryService';
import type { SandboxClient, SandboxInfo } from '../../../../services/sandboxAdmin';
import type { StoredKeyRecord } from '../../../../utils/keyStore';
import type { RequestDescription } from '../../../../utils/oauth/description';
import type { IntrospectionResult } from '../../../../utils/oauth/introspection';
import type { AssertionAudience } from '../../../../utils/oauth/assertionAudience';
import type { AttemptInfo } from '../../../../utils/oauth/retry';
import type { FieldErrors, NumberDrafts } from '../flowFormSchema';
import type { SaveResult } from '../flowPersistence';
import type { FlowError, FlowForm, TokenRun } from '../flowTypes';
import type { FieldSources } from '../providerPresets';
import type { ProfileConfig } from '../profileConfig';
import type { ProfileCollection } from '../../../../utils/profiles/profileCollection';
import type { ExportedProfile } from '../../../../utils/profiles/profileFile';

export interface KeysState {
  list: readonly StoredKeyRecord[];
  status: 'loading' | 'ready';
  busy: 'generate' | 'import' | null;
  /** Set when a key could only be kept in memory (IndexedDB blocked): it is gone after a reload. */
  storageWarning: string | undefined;
}

export type SandboxStatus = 'idle' | 'loading' | 'ready' | 'unreachable';

export interface SandboxState {
  status: SandboxStatus;
  info: SandboxInfo | undefined;
  /** Why the sandbox could not be used (network error, or something else answering on that port). */
  error: string | undefined;
}

export interface DiscoveryState {
  status: 'idle' | 'loading' | 'done' | 'error';
  result?: DiscoveryResult;
  error?: string;
  /** Show every method and algorithm, not only what discovery advertises. */
  override: boolean;
}

export interface RegistrationState {
  status: 'idle' | 'loading' | 'done' | 'error';
  client?: SandboxClient;
  error?: string;
}

/** What the preview was computed for: a newer input makes it pending. */
export interface PreviewInputs {
  form: FlowForm;
  secret: string;
  keyId: string | undefined;
  nonce: number;
}

export interface PreviewState {
  description: RequestDescription | null;
  error: FlowError | null;
  for: PreviewInputs | null;
  /** Bumped by `refreshPreview` (a new jti and iat). */
  nonce: number;
}

export type ManagementKind = 'introspect' | 'revoke';

export interface ManagementRun {
  kind: ManagementKind;
  /** The token it was about: a run for an older token is not shown with a new one. */
  token: string;
  status: 'running' | 'success' | 'error';
  attempts: AttemptInfo[];
  /** What the last attempt sent: the preview, cURL and fetch snippets show it. */
  description?: RequestDescription;
  /** The audience mode its assertion was signed with: what the error card's suggestion starts from. */
  assertionAudience?: AssertionAudience | undefined;
  result?: IntrospectionResult;
  error?: FlowError;
}

export interface ManagementState {
  run: ManagementRun | null;
  /** Tokens revoked by a run of this session. */
  revoked: ReadonlySet<string>;
}

/** Saved configurations (issue 22): the collection on this device, an import waiting for an answer, the last word. */
export interface ProfilesState {
  /** `activeId` null: the form shows an unsaved configuration (a share link) that the person may save. */
  collection: ProfileCollection<ProfileConfig>;
  /** An import whose names clash with saved profiles: nothing changes until the person answers. */
  pendingImport: { profiles: ReadonlyArray<ExportedProfile<ProfileConfig>>; clashes: readonly string[] } | null;
  /** What the last profile action did or why it did nothing (an error is shown as an alert). */
  notice: { kind: 'info' | 'error'; text: string } | null;
}

export interface FlowSessionState {
  form: FlowForm;
  sources: FieldSources;
  errors: FieldErrors;
  /** Text of number inputs as typed (so "12a" stays on screen with its error instead of becoming NaN). */
  numberDrafts: NumberDrafts;
  activeIndex: number;
  /** The client secret, in memory (the credential manager keeps the remembered copy on opt-in). */
  secret: string;
  rememberSecret: boolean;
  keys: KeysState;
  sandbox: SandboxState;
  discovery: DiscoveryState;
  registration: RegistrationState;
  preview: PreviewState;
  run: TokenRun;
  management: ManagementState;
  /** What the last save of the progress could not keep (shown, so nothing is lost silently); null when it kept all. */
  lastSave: SaveResult | null;
  profiles: ProfilesState;
}

export const IDLE_RUN: TokenRun = Object.freeze({ status: 'idle', attempts: [], requestedScopes: [] }) as TokenRun;
export const IDLE_DISCOVERY: DiscoveryState = Object.freeze({ status: 'idle', override: false });
export const NO_MANAGEMENT: ManagementState = Object.freeze({ run: null, revoked: new Set<string>() });
