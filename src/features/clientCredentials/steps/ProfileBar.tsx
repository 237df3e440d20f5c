// Step 1's saved configurations (issue 22): the `Profile` select, New / Duplicate / Rename / Delete, export and
// import, `Forget profiles`, the question on an import's name clash, and the offer to save a share link.
import { useState, type KeyboardEvent } from 'react';
import { downloadFile, timestampedFileName } from '../../../components/downloadFile';
import { InfoBox } from '../../../components/InfoBox';
import { effects } from '../../../utils/effects';
import { MAX_PROFILE_NAME_LENGTH } from '../../../utils/profiles/profileName';
import { memoBySlices, type SliceView } from './sliceMemo';
import './ProfileBar.css';

/** Everything the profile bar reads: typing the secret or the preview's arrival does not render it. */
const PROFILE_SLICES = [
  'profiles', 'form', 'keys',
  'switchProfile', 'newProfile', 'duplicateProfile', 'renameProfile', 'deleteProfile', 'saveAsProfile',
  'exportProfiles', 'importProfilesFile', 'confirmImport', 'forgetProfiles', 'dismissProfileNotice',
] as const;
type ConfigureView = SliceView<(typeof PROFILE_SLICES)[number]>;

type NameMode = 'new' | 'duplicate' | 'rename' | 'saveAs';
type Confirming = 'delete' | 'forget' | null;

const CONFIRM_LABEL: Record<NameMode, string> = { new: 'Create profile', duplicate: 'Create copy', rename: 'Save new name', saveAs: 'Save this configuration' };

function NameField({ flow, mode, onDone }: { flow: ConfigureView; mode: NameMode; onDone: () => void }) {
  const activeName = flow.profiles.collection.profiles.find((p) => p.id === flow.profiles.collection.activeId)?.name ?? '';
  const [name, setName] = useState(mode === 'rename' ? activeName : mode === 'duplicate' ? `${activeName} copy` : '');
  const act = { new: flow.newProfile, duplicate: flow.duplicateProfile, rename: flow.renameProfile, saveAs: flow.saveAsProfile }[mode];
  const submit = () => {
    if (act(name)) onDone();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault(); // the step's form must not submit
      submit();
    } else if (e.key === 'Escape') onDone();
  };
  return (
    <div className="cc-profile__name">
      <label htmlFor="cc-profile-name" className="cc-field__label">Profile name</label>
      <input id="cc-profile-name" className="input" autoFocus maxLength={MAX_PROFILE_NAME_LENGTH} value={name} onChange={(e) => setName(e.target.value)} onKeyDown={onKeyDown} />
      <button type="button" className="btn btn--primary btn--small" onClick={submit}>{CONFIRM_LABEL[mode]}</button>
      <button type="button" className="btn btn--secondary btn--small" onClick={onDone}>Cancel</button>
    </div>
  );
}

function ImportQuestion({ flow }: { flow: ConfigureView }) {
  const pending = flow.profiles.pendingImport;
  if (!pending) return null;
  const names = pending.clashes.map((n) => `“${n}”`).join(', ');
  return (
    <InfoBox variant="warning" role="alert" title="Replace saved profiles?">
      <p>The file has profiles named {names}, which exist already. Replace them with the imported ones?</p>
      <div className="cc-profile__actions">
        <button type="button" className="btn btn--primary btn--small" onClick={() => flow.confirmImport(true)}>Replace</button>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => flow.confirmImport(false)}>Cancel import</button>
      </div>
    </InfoBox>
  );
}

function Confirm({ what, name, onYes, onNo }: { what: Exclude<Confirming, null>; name: string; onYes: () => void; onNo: () => void }) {
  const text = what === 'delete' ? `Delete the profile “${name}”? Its tokens stay until they expire or you sign out.` : 'Forget every saved profile on this device? Exported files are not affected.';
  return (
    <InfoBox variant="warning" role="alert" title={what === 'delete' ? 'Delete profile?' : 'Forget profiles?'}>
      <p>{text}</p>
      <div className="cc-profile__actions">
        <button type="button" className="btn btn--primary btn--small" onClick={onYes}>{what === 'delete' ? 'Yes, delete' : 'Yes, forget'}</button>
        <button type="button" className="btn btn--secondary btn--small" onClick={onNo}>Cancel</button>
      </div>
    </InfoBox>
  );
}

/** The key a private_key_jwt profile names, when this browser does not hold it (an imported profile, a sign-out). */
function MissingKey({ flow }: { flow: ConfigureView }) {
  const { form, keys } = flow;
  if (form.authMethod !== 'private_key_jwt' || !form.keyRef || keys.status !== 'ready' || keys.list.some((k) => k.id === form.keyRef)) return null;
  return (
    <InfoBox variant="warning" role="note" title="Key missing">
      This profile signs with a key (kid <code>{form.kid || form.keyRef}</code>) that this browser does not hold. Private keys never leave
      the browser that made them: import the key, or generate a new one and register its public JWKS.
    </InfoBox>
  );
}

function exportFile(flow: ConfigureView) {
  downloadFile(timestampedFileName('oauth-m2m-profiles', effects().clock.now(), 'json'), flow.exportProfiles(), 'application/json');
}

export const ProfileBar = memoBySlices(PROFILE_SLICES, function ProfileBar({ flow }: { flow: ConfigureView }) {
  const [mode, setMode] = useState<NameMode | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const { collection, notice } = flow.profiles;
  const active = collection.profiles.find((p) => p.id === collection.activeId);
  const ask = (next: NameMode) => {
    setConfirming(null);
    setMode(next);
  };
  return (
    <fieldset className="cc-fieldset cc-profile">
      <legend className="cc-field__label">Saved configuration</legend>
      <div className="cc-profile__row">
        <label htmlFor="cc-profile" className="cc-field__label">Profile</label>
        <select id="cc-profile" className="input" value={collection.activeId ?? ''} onChange={(e) => e.target.value && flow.switchProfile(e.target.value)}>
          {collection.activeId === null && <option value="">Unsaved configuration</option>}
          {collection.profiles.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
      </div>
      <div className="cc-profile__actions">
        <button type="button" className="btn btn--secondary btn--small" onClick={() => ask('new')}>New profile</button>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => ask(active ? 'duplicate' : 'saveAs')}>Duplicate profile</button>
        <button type="button" className="btn btn--secondary btn--small" disabled={!active} onClick={() => ask('rename')}>Rename profile</button>
        <button type="button" className="btn btn--secondary btn--small" disabled={!active} onClick={() => setConfirming('delete')}>Delete profile</button>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => exportFile(flow)}>Export profiles</button>
        <label className="btn btn--secondary btn--small cc-profile__import">
          Import profiles
          <input type="file" accept="application/json,.json" onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file may be chosen again after a fix
            if (file) void flow.importProfilesFile(file);
          }} />
        </label>
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setConfirming('forget')}>Forget profiles</button>
      </div>
      {mode && <NameField key={mode} flow={flow} mode={mode} onDone={() => setMode(null)} />}
      {confirming && (
        <Confirm what={confirming} name={active?.name ?? ''} onNo={() => setConfirming(null)} onYes={() => {
          setConfirming(null);
          if (confirming === 'delete') flow.deleteProfile();
          else flow.forgetProfiles();
        }} />
      )}
      {!active && (
        <InfoBox variant="info" role="note" title="Not saved">
          This configuration came from a share link and is not saved as a profile.{' '}
          <button type="button" className="btn btn--secondary btn--small" onClick={() => ask('saveAs')}>Save as profile</button>
        </InfoBox>
      )}
      <ImportQuestion flow={flow} />
      {notice && (
        <InfoBox variant={notice.kind === 'error' ? 'error' : 'info'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}{' '}
          <button type="button" className="btn btn--secondary btn--small" onClick={flow.dismissProfileNotice}>Dismiss</button>
        </InfoBox>
      )}
      <MissingKey flow={flow} />
      <p className="cc-field__hint">
        Profiles are kept on this device without secrets or private keys; secrets follow “Remember on this device”, keys stay in this browser.
      </p>
    </fieldset>
  );
});
