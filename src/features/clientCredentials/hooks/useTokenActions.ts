// Check configuration, Get token (then the provider the token came from, for the status bar) and step 4's worker token.
import type { NewAuthContextValue } from '../../../contexts/NewAuthContext';
import type { WorkerToken } from '../../../services/pingone/pingoneTokenClient';
import { dpopSession } from '../model/dpopSession';
import { fieldId, formFieldOf, type FormField } from '../model/flowFormSchema';
import { flowCacheKey, type FlowCredentials } from '../model/flowRequest';
import { providerInUse } from '../model/providerInUse';
import { identityOfForm } from '../model/providerPresets';
import type { FlowFormState } from './useFlowForm';
import type { TokenRunState } from './useTokenRun';

export interface TokenActions {
  /** Validates everything (submit); focuses and returns the first invalid field. */
  checkConfiguration(): FormField | undefined;
  getToken(): Promise<void>;
  /** The worker token for step 4 from the app's TokenCache (never a new request unless missing or forced). */
  getWorkerToken(opts?: { forceRefresh?: boolean }): Promise<WorkerToken>;
}

function focusField(field: FormField) {
  // After React has rendered the error, so the message is announced with the focused field.
  queueMicrotask(() => document.getElementById(fieldId(field))?.focus());
}

export function useTokenActions(auth: NewAuthContextValue, fields: FlowFormState, tokenRun: TokenRunState, creds: FlowCredentials, setActiveIndex: (index: number) => void): TokenActions {
  const { form } = fields;

  function checkConfiguration() {
    const first = (Object.keys(fields.validateAll()) as FormField[])[0];
    if (first) {
      setActiveIndex(0);
      focusField(first);
    }
    return first;
  }

  return {
    checkConfiguration,
    async getToken() {
      if (checkConfiguration()) return;
      const run = await tokenRun.getToken(form, creds);
      if (run.status === 'success') providerInUse.tokenObtained(flowCacheKey(form).value, identityOfForm(form));
      const field = formFieldOf(run.error?.field);
      if (field && run.error) fields.setFieldError(field, run.error.message);
    },
    async getWorkerToken(opts) {
      const key = flowCacheKey(form);
      if (opts?.forceRefresh) auth.cache.invalidate(key);
      const { accessToken } = await auth.getM2MToken(key);
      // A DPoP-bound token is sent with this page's key on every call (RFC 9449 §7.1).
      return form.dpop ? { accessToken, dpop: await dpopSession.binding() } : { accessToken };
    },
  };
}
