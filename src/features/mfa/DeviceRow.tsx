// One MFA device in the list: type, status badge, nickname, masked contact, and its actions.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import type { PingOneDevice } from '../../services/pingone/types';
import { validateNickname } from '../../services/pingone/validation';
import { Spinner } from '../../components/Spinner';
import { ActivateDeviceForm } from './ActivateDeviceForm';
import { maskedContact } from './DeviceSummaryRows';
import { TextField } from '../../components/TextField';
import { submitOneField } from './fieldErrors';

export interface DeviceActions {
  activate(deviceId: string, otp: string): Promise<void>;
  rename(deviceId: string, nickname: string): Promise<void>;
  remove(deviceId: string): Promise<void>;
  /** Present only against the local sandbox. */
  readOtp?: (deviceId: string) => Promise<string | undefined>;
}

export interface DeviceRowProps {
  device: PingOneDevice;
  actions: DeviceActions;
  /** The action running on this device, if any. */
  busy?: 'activate' | 'rename' | 'delete';
}

function RenameForm({ current, onSave, onCancel, busy }: { current: string; onSave: (n: string) => Promise<void>; onCancel: () => void; busy: boolean }) {
  const [nickname, setNickname] = useState(current);
  const [error, setError] = useState<string | undefined>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submitOneField('nickname', nickname, validateNickname, onSave, setError);
  }
  return (
    <form className="mfa-inline-form" aria-label="Rename device" onSubmit={submit} noValidate>
      <TextField label="Nickname" value={nickname} onChange={setNickname} error={error} autoFocus />
      <div className="mfa-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={busy}>
          {busy && <Spinner />}
          Save
        </button>
        <button type="button" className="btn btn--secondary btn--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ConfirmDelete({ label, onConfirm, onCancel, busy }: { label: string; onConfirm: () => void; onCancel: () => void; busy: boolean }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const textId = useId();
  // Focus moves into the dialog (on the safe choice) so keyboard users land on it; Escape backs out.
  useEffect(() => cancelRef.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') onCancel();
  };
  return (
    <div className="mfa-confirm" role="alertdialog" aria-label="Confirm delete" aria-describedby={textId} onKeyDown={onKeyDown}>
      <p id={textId} className="mfa-confirm__text">Delete {label}? The user will no longer be able to sign in with it.</p>
      <div className="mfa-actions">
        <button type="button" className="btn btn--danger btn--small" onClick={onConfirm} disabled={busy}>
          {busy && <Spinner />}
          Confirm delete
        </button>
        <button type="button" className="btn btn--secondary btn--small" onClick={onCancel} ref={cancelRef}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function DeviceHead({ device, pending }: { device: PingOneDevice; pending: boolean }) {
  const contact = maskedContact(device);
  return (
    <div className="mfa-device__head">
      <span className="mfa-device__type">{device.type}</span>
      <span className={`mfa-badge ${pending ? 'mfa-badge--pending' : device.status === 'ACTIVE' ? 'mfa-badge--active' : ''}`}>
        {device.status}
      </span>
      <span className="mfa-device__nickname">{device.nickname ?? <em>no nickname</em>}</span>
      {contact && <span className="mfa-device__contact">{contact}</span>}
      <code className="mfa-device__id">{device.id}</code>
    </div>
  );
}

interface IdleActionsProps {
  renameRef: RefObject<HTMLButtonElement | null>;
  deleteRef: RefObject<HTMLButtonElement | null>;
  onRename: () => void;
  onDelete: () => void;
}

function IdleActions({ renameRef, deleteRef, onRename, onDelete }: IdleActionsProps) {
  return (
    <div className="mfa-actions">
      <button type="button" className="btn btn--secondary btn--small" ref={renameRef} onClick={onRename}>
        Rename
      </button>
      <button type="button" className="btn btn--danger-outline btn--small" ref={deleteRef} onClick={onDelete}>
        Delete device
      </button>
    </div>
  );
}

export function DeviceRow({ device, actions, busy }: DeviceRowProps) {
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const deleteRef = useRef<HTMLButtonElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const pending = device.status === 'ACTIVATION_REQUIRED';
  const label = `the ${device.type} device${device.nickname ? ` “${device.nickname}”` : ''}`;
  const { readOtp } = actions;

  const back = (to: 'rename' | 'delete') => {
    setMode('idle');
    // Return focus to the button that opened the panel, so keyboard users do not lose their place.
    queueMicrotask(() => (to === 'rename' ? renameRef : deleteRef).current?.focus());
  };

  return (
    <li className="mfa-device">
      <DeviceHead device={device} pending={pending} />
      {pending && (
        <ActivateDeviceForm
          onActivate={(otp) => actions.activate(device.id, otp)}
          busy={busy === 'activate'}
          hint={device.type === 'TOTP' ? 'The 6-digit code your authenticator app shows now.' : undefined}
          // The outbox only holds passcodes "sent" by SMS or email; a TOTP code comes from the app.
          readOtpFromOutbox={readOtp && device.type !== 'TOTP' ? () => readOtp(device.id) : undefined}
        />
      )}
      {mode === 'rename' && (
        <RenameForm
          current={device.nickname ?? ''}
          busy={busy === 'rename'}
          onCancel={() => back('rename')}
          onSave={async (n) => {
            await actions.rename(device.id, n);
            back('rename');
          }}
        />
      )}
      {mode === 'delete' && (
        <ConfirmDelete
          label={label}
          busy={busy === 'delete'}
          onCancel={() => back('delete')}
          onConfirm={() => {
            actions.remove(device.id).then(
              () => undefined,
              () => back('delete'),
            );
          }}
        />
      )}
      {mode === 'idle' && (
        <IdleActions renameRef={renameRef} deleteRef={deleteRef} onRename={() => setMode('rename')} onDelete={() => setMode('delete')} />
      )}
    </li>
  );
}
