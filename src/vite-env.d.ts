// Typings for the VITE_* variables the app reads (see .env.example and src/services/config/sources.ts).

/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_CC_ENABLED?: string;
  readonly VITE_CC_AUTH_METHOD?: string;
  readonly VITE_CC_SCOPES?: string;
  readonly VITE_CC_AUDIENCE?: string;
  readonly VITE_CC_RESOURCE?: string;
  readonly VITE_CC_PROACTIVE_REFRESH_SECONDS?: string;
  readonly VITE_CC_CLOCK_SKEW_SECONDS?: string;
  readonly VITE_CC_ASSERTION_ALG?: string;
  readonly VITE_CC_ASSERTION_KID?: string;
  readonly VITE_CC_ASSERTION_LIFETIME_SECONDS?: string;
  readonly VITE_CC_ASSERTION_AUDIENCE?: string;
  readonly VITE_CC_ASSERTION_TYP?: string;
  readonly VITE_CC_MTLS_ENABLED?: string;
  readonly VITE_CC_MTLS_CERT_REF?: string;
  readonly VITE_CC_MTLS_KEY_REF?: string;
  readonly VITE_PROVIDER?: string;
  readonly VITE_SANDBOX_URL?: string;
  readonly VITE_PINGONE_REGION?: string;
  readonly VITE_PINGONE_ENVIRONMENT_ID?: string;
  readonly VITE_PINGONE_EXTRA_SCOPES?: string;
  readonly VITE_MICROAUTHD_URL?: string;
  readonly VITE_CUSTOM_ISSUER?: string;
  readonly VITE_CUSTOM_TOKEN_ENDPOINT?: string;
  readonly VITE_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
