// The request preview in the session: the one RequestDescription derived from the form (JWT methods sign a preview
// assertion). Describing is asynchronous (WebCrypto), so the session describes after each change of what the
// preview depends on and drops a result that a newer input has superseded.
import { explainableErrorOf } from '../../../../utils/errorExplain';
import type { RequestDescription } from '../../../../utils/oauth/description';
import { describeFlowRequest } from '../flowRequest';
import { credentialsOf, selectedKeyOf, type SessionContext } from './sessionContext';
import type { FlowSessionState, PreviewInputs } from './sessionState';

export interface PreviewActions {
  /** Describes the request again if what it depends on changed (the session calls this after every change). */
  sync(): void;
  /** Signs a fresh preview now (new jti and iat): the preview assertion expires after its short lifetime. */
  refreshPreview(): void;
  /** Shows a description produced elsewhere (the one `Get token` actually sent). */
  show(description: RequestDescription): void;
}

function previewInputsOf(s: FlowSessionState): PreviewInputs {
  return { form: s.form, secret: s.secret, keyId: selectedKeyOf(s)?.kid, nonce: s.preview.nonce };
}

function sameInputs(a: PreviewInputs | null, b: PreviewInputs): boolean {
  return a !== null && a.form === b.form && a.secret === b.secret && a.keyId === b.keyId && a.nonce === b.nonce;
}

/** Whether the shown description was computed for other inputs than the current ones (derived, never stored). */
export function isPreviewPending(s: FlowSessionState): boolean {
  return !sameInputs(s.preview.for, previewInputsOf(s));
}

function sameDescription(a: RequestDescription | null, b: RequestDescription): boolean {
  if (a === null || a.url !== b.url || a.method !== b.method || a.body !== b.body) return false;
  const keys = Object.keys(a.headers);
  return keys.length === Object.keys(b.headers).length && keys.every((k) => a.headers[k] === b.headers[k]);
}

export function previewActions(ctx: SessionContext): PreviewActions {
  let requested: PreviewInputs | null = null;
  return {
    sync() {
      const s = ctx.get();
      const inputs = previewInputsOf(s);
      if (sameInputs(requested, inputs)) return;
      requested = inputs;
      const settle = (description: RequestDescription | null, error: unknown) => {
        if (requested !== inputs) return; // superseded by a newer input
        ctx.set('preview', (p) => ({ ...p, description, error: error === undefined ? null : explainableErrorOf(error), for: inputs }));
      };
      describeFlowRequest(s.form, credentialsOf(s, ctx)).then((d) => settle(d, undefined), (e: unknown) => settle(null, e));
    },
    refreshPreview: () => ctx.set('preview', (p) => ({ ...p, nonce: p.nonce + 1 })),
    show(description) {
      const inputs = previewInputsOf(ctx.get());
      // Get token shows what it sent; a secret method sends what the preview already shows, so nothing changes then.
      ctx.set('preview', (p) => (sameDescription(p.description, description) && p.error === null && sameInputs(p.for, inputs) ? p : { ...p, description, error: null, for: inputs }));
    },
  };
}
