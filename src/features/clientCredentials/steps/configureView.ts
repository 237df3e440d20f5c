// What step 1 shows and can do: its slices of the flow session's state and its actions, nothing of steps 2–4.
// The page builds it with useConfigureView: a new object only when one of its slices changed, so a token run, the
// preview or introspection (steps 2–4) do not render step 1 again.
import { useMemo } from 'react';
import type { DpopKeyState } from '../../../contexts/dpopStore';
import type { RelayCredential } from '../../../services/relayAdmin';
import type { SigningKey } from '../../../utils/keys';
import { profileChecks, type ProfileCheck, type ProfileInput } from '../../../utils/oauth/profileChecks';
import type { FlowActions, FlowSession } from '../model/flowSession';
import { profileInputOf } from '../model/profileInput';
import { selectedKeyOf } from '../model/session/sessionContext';
import type { FlowSessionState } from '../model/session/sessionState';

type Step1State = Pick<FlowSessionState, 'form' | 'sources' | 'errors' | 'numberDrafts' | 'secret' | 'rememberSecret' | 'keys' | 'sandbox' | 'discovery' | 'registration' | 'lastSave' | 'profiles'>;

type Step1Actions = Pick<FlowActions,
  | 'setField' | 'setNumberField' | 'touch' | 'setFieldError'
  | 'changeSecret' | 'commitSecret' | 'changeRemember'
  | 'generateKey' | 'importKey' | 'importCertificate' | 'selectKey' | 'removeKey' | 'registerWithSandbox'
  | 'setProvider' | 'setPingOneField' | 'setMicroauthdBase' | 'setProviderField' | 'selectDemoClient' | 'reloadSandbox' | 'discover' | 'setDiscoveryOverride'
  | 'setViaRelay' | 'setAuthMethod' | 'setDpop' | 'renewDpopKey' | 'uploadCertificate' | 'forgetCertificate'
  | 'switchProfile' | 'newProfile' | 'duplicateProfile' | 'renameProfile' | 'deleteProfile' | 'saveAsProfile'
  | 'exportProfiles' | 'importProfilesFile' | 'confirmImport' | 'forgetProfiles' | 'dismissProfileNotice'>;

export type ConfigureView = Step1State & Step1Actions & {
  /** The signing key the form names, once loaded. */
  selectedKey: SigningKey | undefined;
  sandboxUrl: string;
  relayUrl: string;
  /** The pasted certificate the relay holds (its description only). */
  mtlsCredential: RelayCredential | undefined;
  dpopKey: DpopKeyState;
  /** The `Profile checks` lines for this configuration (derived: model/profileInput.ts). */
  profileChecks: readonly ProfileCheck[];
};

/**
 * The checks, computed again only when their input reads differently: the input is a few plain values (no key, no
 * secret), so its JSON is its identity, and the preview's arrival or a new key object of the same size change nothing.
 */
function useProfileChecks(state: FlowSessionState): readonly ProfileCheck[] {
  const input = JSON.stringify(profileInputOf(state));
  return useMemo(() => profileChecks(JSON.parse(input) as ProfileInput), [input]);
}

/**
 * Step 1's view of the session: rebuilt only when a slice it shows changed (the session's actions are stable
 * functions, so they never make it new).
 */
export function useConfigureView(session: FlowSession, state: FlowSessionState, mtlsCredential: RelayCredential | undefined, dpopKey: DpopKeyState): ConfigureView {
  const { form, sources, errors, numberDrafts, secret, rememberSecret, keys, sandbox, discovery, registration, lastSave, profiles } = state;
  const profileChecks = useProfileChecks(state);
  return useMemo(
    () => ({
      ...session,
      form, sources, errors, numberDrafts, secret, rememberSecret, keys, sandbox, discovery, registration, lastSave, profiles,
      selectedKey: selectedKeyOf({ keys, form }), sandboxUrl: session.sandboxUrl, relayUrl: session.relayUrl, mtlsCredential, dpopKey, profileChecks,
    }),
    [session, form, sources, errors, numberDrafts, secret, rememberSecret, keys, sandbox, discovery, registration, lastSave, profiles, mtlsCredential, dpopKey, profileChecks],
  );
}
