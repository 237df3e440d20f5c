// Step 4 for a custom provider: an editable GET/POST to any URL with the bearer token, showing status and body.
import { lazy, Suspense, useContext, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ExchangeSinkContext } from '../../contexts/ExchangeSinkContext';
import type { ApiExchange } from '../../services/apiExchange';
import { CUSTOM_CALL_METHODS, sendBearerRequest, type CustomCallMethod } from '../../services/customApiCall';
import { InputError } from '../../utils/errors';
import { nextTask } from '../../utils/idle';
import { ApiExchangeView } from '../../components/ApiExchangeView';
import { FieldError } from '../../components/FieldError';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { IconBolt } from '../../components/icons/objectIcons';
import '../../components/apiPanels.css';
import type { BodyEditorHandle } from './JsonBodyEditor';

export interface CustomApiCallProps {
  accessToken: string;
  tokenType?: string;
  /** Pre-filled URL, e.g. the configured audience. */
  defaultUrl?: string;
  /** Receives each exchange (for a shared log). */
  onExchange?: (exchange: ApiExchange) => void;
}

function MethodField({ value, onChange }: { value: CustomCallMethod; onChange: (method: CustomCallMethod) => void }) {
  const methodId = useId();
  return (
    <div className="form-field">
      <label htmlFor={methodId} className="form-field__label">
        Method
      </label>
      <select id={methodId} className="input" value={value} onChange={(e) => onChange(e.target.value as CustomCallMethod)}>
        {CUSTOM_CALL_METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
    </div>
  );
}

// CodeMirror is most of the editor's weight: it loads when POST is first chosen, not with step 4.
const JsonBodyEditor = lazy(() => import('./JsonBodyEditor'));

/**
 * The JSON body: a visible label naming the editor (aria-labelledby: a contenteditable cannot be a `<label for>`
 * target), the editor, its field error. The editor is uncontrolled (see JsonBodyEditor): typing re-renders nothing,
 * whatever the body's size (issue 19, bench/bodyTyping.bench.ts); the form reads the text when it is sent.
 */
function BodyField({ initial, editor, error }: { initial: string; editor: RefObject<BodyEditorHandle | null>; error: string | undefined }) {
  const bodyId = useId();
  const labelId = `${bodyId}-label`;
  return (
    <div className="form-field">
      {/* Clicking the label focuses the editor, as it would a textarea. */}
      <label id={labelId} className="form-field__label" onClick={() => editor.current?.focus()}>
        Request body (JSON)
      </label>
      <Suspense fallback={<p className="api-muted">Loading the editor…</p>}>
        <JsonBodyEditor
          initial={initial}
          ref={editor}
          labelledBy={labelId}
          describedBy={error ? `${bodyId}-error` : undefined}
          invalid={Boolean(error)}
        />
      </Suspense>
      <FieldError id={`${bodyId}-error`} message={error} />
    </div>
  );
}

/** The form. The token goes only into the Authorization header of the request the user sends. */
export function CustomApiCall({ accessToken, tokenType, defaultUrl = '', onExchange }: CustomApiCallProps) {
  const [method, setMethod] = useState<CustomCallMethod>('GET');
  const [url, setUrl] = useState(defaultUrl);
  // The body as it was when the editor last closed (switching to GET unmounts it); the editor itself holds the text.
  const [savedBody, setSavedBody] = useState('');
  const editor = useRef<BodyEditorHandle>(null);
  const [errors, setErrors] = useState<{ url?: string; body?: string }>({});
  const [busy, setBusy] = useState(false);
  const [exchange, setExchange] = useState<ApiExchange | undefined>();
  // The flow page's sequence diagram draws this call too, as it does the MFA and microauthd consoles' calls.
  const sink = useContext(ExchangeSinkContext);

  function chooseMethod(next: CustomCallMethod) {
    if (editor.current) setSavedBody(editor.current.text());
    setMethod(next);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = editor.current?.text() ?? savedBody;
    setErrors({});
    setBusy(true);
    try {
      // The busy state renders in the click's task; checking and handing over the body start in the next one. A 1 MB
      // body costs fetch() 10–20 ms to take in Chromium: with the render and its layout that made one task of over
      // 50 ms (bench/bodyTyping.bench.ts, `Send request with a 1 MB body`).
      await nextTask();
      const result = await sendBearerRequest({
        method,
        url,
        accessToken,
        body: method === 'POST' ? body : undefined,
        tokenType: tokenType || undefined,
      });
      setExchange(result);
      onExchange?.(result);
      sink?.(result);
    } catch (error) {
      // Only input problems throw (nothing was sent): put them next to the field they name.
      const field = error instanceof InputError && error.field === 'body' ? 'body' : 'url';
      setErrors({ [field]: error instanceof Error ? error.message : 'The request could not be sent.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="custom-call">
      <form className="mfa-panel" aria-label="Call an API with the token" onSubmit={submit} noValidate>
        <h3 className="api-heading"><IconBolt /> Call your API with the token</h3>
        <p className="api-muted">
          The access token goes in the Authorization header. The API must allow this page’s origin (CORS).
        </p>
        <MethodField value={method} onChange={chooseMethod} />
        <TextField label="URL" type="url" value={url} onChange={setUrl} error={errors.url} spellCheck={false} placeholder="https://api.example.com/resource" />
        {method === 'POST' && <BodyField initial={savedBody} editor={editor} error={errors.body} />}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy && <Spinner />}
          Send request
        </button>
      </form>
      {exchange && <ApiExchangeView exchange={exchange} />}
    </div>
  );
}
