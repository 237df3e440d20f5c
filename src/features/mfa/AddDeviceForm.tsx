// The "Add device" form: type, phone or email, nickname, "Require activation"; fields checked before any request.
import { useId, useState, type FormEvent } from 'react';
import { validateEmail, validateNickname, validatePhone, DEVICE_TYPES } from '../../services/pingone/validation';
import type { CreateDeviceInput, PingOneDeviceType } from '../../services/pingone/types';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { fieldErrorsFrom, messageOf, type FieldErrors } from './fieldErrors';
import { IconPlus } from '../../components/icons/objectIcons';

type Field = 'type' | 'phone' | 'email' | 'nickname' | 'status';
const FIELDS: readonly Field[] = ['type', 'phone', 'email', 'nickname', 'status'];

export interface AddDeviceFormProps {
  /** Creates the device; rejects with the call's error (InputError or PingOneApiError) so fields can show it. */
  onAdd: (input: CreateDeviceInput) => Promise<void>;
  busy?: boolean;
  disabled?: boolean;
}

const TYPE_HELP: Record<PingOneDeviceType, string> = {
  SMS: 'A one-time passcode by text message.',
  EMAIL: 'A one-time passcode by email.',
  TOTP: 'An authenticator app (Google Authenticator, Authy…): you get a QR code to scan.',
};

interface DeviceFields {
  type: PingOneDeviceType;
  phone: string;
  email: string;
  nickname: string;
  requireActivation: boolean;
}

/** Every field's problem at once, with the service's own rules. */
function validateDeviceFields({ type, phone, email, nickname }: DeviceFields): FieldErrors<Field> {
  const found: FieldErrors<Field> = {};
  const phoneError = type === 'SMS' ? messageOf(() => validatePhone(phone)) : undefined;
  const emailError = type === 'EMAIL' ? messageOf(() => validateEmail(email)) : undefined;
  const nicknameError = nickname.trim() !== '' ? messageOf(() => validateNickname(nickname)) : undefined;
  if (phoneError) found.phone = phoneError;
  if (emailError) found.email = emailError;
  if (nicknameError) found.nickname = nicknameError;
  return found;
}

/** The create request: only the fields the chosen type uses. */
function deviceInputOf({ type, phone, email, nickname, requireActivation }: DeviceFields): CreateDeviceInput {
  const input: CreateDeviceInput = { type };
  if (type === 'SMS') input.phone = phone;
  if (type === 'EMAIL') input.email = email;
  if (nickname.trim() !== '') input.nickname = nickname;
  if (requireActivation) input.status = 'ACTIVATION_REQUIRED';
  return input;
}

function DeviceTypeField({ id, type, onChange }: { id: string; type: PingOneDeviceType; onChange: (t: PingOneDeviceType) => void }) {
  return (
    <div className="form-field">
      <label htmlFor={id} className="form-field__label">
        Device type
      </label>
      <select id={id} className="input" value={type} onChange={(e) => onChange(e.target.value as PingOneDeviceType)}>
        {DEVICE_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <p className="form-field__hint">{TYPE_HELP[type]}</p>
    </div>
  );
}

function PhoneField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: string | undefined }) {
  return (
    <TextField
      label="Phone"
      type="tel"
      autoComplete="off"
      value={value}
      onChange={onChange}
      error={error}
      hint="International format, e.g. +15125201234."
    />
  );
}

function RequireActivationField({ id, checked, onChange }: { id: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="form-field form-field--check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>Require activation</label>
      <p className="form-field__hint">
        The device starts as ACTIVATION_REQUIRED and becomes ACTIVE once the user proves it with a one-time passcode.
      </p>
    </div>
  );
}

/**
 * Every field is validated at once on submit with the service's own rules, so a bad phone, email or nickname
 * never costs a request. A PingOne 400 puts `details[].message` next to the field named by `details[].target`.
 */
export function AddDeviceForm({ onAdd, busy = false, disabled = false }: AddDeviceFormProps) {
  const typeId = useId();
  const [type, setType] = useState<PingOneDeviceType>('SMS');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [nickname, setNickname] = useState('');
  const [requireActivation, setRequireActivation] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { type, phone, email, nickname, requireActivation };
    const found = validateDeviceFields(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await onAdd(deviceInputOf(fields));
      // The raw phone/email leave the page once PingOne has them: the list shows them masked.
      setPhone('');
      setEmail('');
      setNickname('');
    } catch (error) {
      setErrors(fieldErrorsFrom(error, FIELDS));
    }
  }

  const changeType = (next: PingOneDeviceType) => {
    setType(next);
    setErrors({});
  };

  return (
    <form className="mfa-form" aria-label="Add an MFA device" onSubmit={submit} noValidate>
      <h3 className="api-heading"><IconPlus /> Add a device</h3>
      <DeviceTypeField id={typeId} type={type} onChange={changeType} />
      {type === 'SMS' && <PhoneField value={phone} onChange={setPhone} error={errors.phone} />}
      {type === 'EMAIL' && (
        <TextField label="Email" type="email" autoComplete="off" value={email} onChange={setEmail} error={errors.email} />
      )}
      <TextField label="Nickname" value={nickname} onChange={setNickname} error={errors.nickname} hint="Optional." />
      <RequireActivationField id={`${typeId}-activation`} checked={requireActivation} onChange={setRequireActivation} />
      {(errors.type || errors.status) && (
        <p className="field-error" role="alert">
          {errors.type ?? errors.status}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy || disabled}>
        {busy && <Spinner />}
        {busy ? 'Adding…' : 'Add device'}
      </button>
    </form>
  );
}
