// The request preview: the one RequestDescription derived from the form (JWT methods sign a preview assertion).
import { useEffect, useState } from 'react';
import type { RequestDescription } from '../../../utils/oauth/description';
import { explainableErrorOf } from '../../../utils/errorExplain';
import { describeFlowRequest, type FlowCredentials } from '../model/flowRequest';
import type { FlowError, FlowForm } from '../model/flowTypes';

export interface RequestPreviewState {
  description: RequestDescription | null;
  error: FlowError | null;
  /** True while a changed form is being signed / described. */
  pending: boolean;
  /** Signs a fresh preview now (new jti and iat): the preview assertion expires after its short lifetime. */
  refresh(): void;
  /** Shows a description produced elsewhere (the one `Get token` actually sent). */
  show(description: RequestDescription): void;
}

interface PreviewInputs {
  form: FlowForm;
  secret: string;
  key: FlowCredentials['key'];
  nonce: number;
}

function sameDescription(a: RequestDescription | null, b: RequestDescription): boolean {
  if (a === null || a.url !== b.url || a.method !== b.method || a.body !== b.body) return false;
  const keys = Object.keys(a.headers);
  return keys.length === Object.keys(b.headers).length && keys.every((k) => a.headers[k] === b.headers[k]);
}

function sameInputs(a: PreviewInputs | null, b: PreviewInputs): boolean {
  return a !== null && a.form === b.form && a.secret === b.secret && a.key === b.key && a.nonce === b.nonce;
}

/**
 * Describing is asynchronous (signing uses WebCrypto), so it cannot be computed during render; the effect only
 * derives local data from the inputs and drops results that a newer input has superseded.
 */
export function useRequestPreview(form: FlowForm, creds: FlowCredentials): RequestPreviewState {
  const [nonce, setNonce] = useState(0);
  const { secret, key } = creds;
  const inputs: PreviewInputs = { form, secret, key, nonce };
  const [state, setState] = useState<{ description: RequestDescription | null; error: FlowError | null; for: PreviewInputs | null }>({
    description: null,
    error: null,
    for: null,
  });

  useEffect(() => {
    let current = true;
    const computedFor = { form, secret, key, nonce };
    describeFlowRequest(form, { secret, key }).then(
      (description) => {
        if (current) setState({ description, error: null, for: computedFor });
      },
      (error: unknown) => {
        if (current) setState({ description: null, error: explainableErrorOf(error), for: computedFor });
      },
    );
    return () => {
      current = false;
    };
  }, [form, secret, key, nonce]);

  // Pending is derived: the shown description was computed for other inputs than the current ones.
  const pending = !sameInputs(state.for, inputs);
  return {
    description: state.description,
    error: state.error,
    pending,
    refresh: () => setNonce((n) => n + 1),
    // Get token calls this just before sending; a secret method sends what the preview already shows, and keeping
    // the state then spares the flow a render while the request is in flight.
    show: (description) =>
      setState((s) => (sameDescription(s.description, description) && s.error === null && sameInputs(s.for, inputs) ? s : { description, error: null, for: inputs })),
  };
}
