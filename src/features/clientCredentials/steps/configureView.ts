// What step 1 shows and can do: its slices of the flow session's state and its actions, nothing of steps 2–4.
import type { DpopKeyState } from '../../../contexts/dpopStore';
import type { RelayCredential } from '../../../services/relayAdmin';
import type { SigningKey } from '../../../utils/keys';
import type { ProfileCheck } from '../../../utils/oauth/profileChecks';
import type { FlowActions } from '../model/flowSession';
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
