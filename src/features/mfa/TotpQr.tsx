// The TOTP enrolment panel: the otpauth:// key URI as a QR code (qrcode package) and, on request, as text.
import { useAsyncValue } from '../../hooks/useAsyncValue';
import { RevealableValue } from './RevealableValue';
import { IconPhone } from '../../components/icons/objectIcons';

export interface TotpQrProps {
  /** `otpauth://totp/…?secret=…` from the create response. */
  keyUri: string;
  /** The base32 secret, for apps that cannot scan. */
  secret?: string;
}

/**
 * Renders the QR code for an authenticator app. Drawing it is async (`QRCode.toDataURL`), so it is loaded per URI
 * (useAsyncValue drops a late result for an old URI). The qrcode package loads here, on first use: most
 * visits never pair a TOTP device, and it is a fifth of the flow's code.
 */
export function TotpQr({ keyUri, secret }: TotpQrProps) {
  const [qr] = useAsyncValue(keyUri, (uri) =>
    import('qrcode').then(({ default: QRCode }) => QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 200 })),
  );
  const current: { dataUrl?: string; failed?: boolean } | undefined =
    qr?.status === 'fulfilled' ? { dataUrl: qr.value } : qr?.status === 'rejected' ? { failed: true } : undefined;
  return (
    <section className="mfa-totp" aria-label="TOTP enrolment">
      <h3 className="api-heading"><IconPhone /> Scan this with an authenticator app</h3>
      {current?.dataUrl && <img className="mfa-totp__qr" src={current.dataUrl} alt="QR code for the TOTP key URI" width={200} height={200} />}
      {current?.failed && <p className="field-error">The QR code could not be drawn; copy the key URI instead.</p>}
      {!current && <p className="api-muted">Drawing the QR code…</p>}
      <RevealableValue label="key URI" value={keyUri} />
      {secret && <RevealableValue label="secret" value={secret} />}
      <p className="api-muted">
        PingOne returns the secret only in this create response. Once scanned, the app shows a 6-digit code: enter it
        as the OTP to activate the device.
      </p>
    </section>
  );
}
