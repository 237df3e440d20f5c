// What each provider is called and whether it is this machine's development server: the part of the provider
// table (providers.ts) the app shell shows before the table itself, with its scope catalogs, has loaded.
// providers.ts builds its rows from these, so a label and an id have one home.

/** Every provider the playground knows, by id: the one list (the table, the settings and the form read it). */
export const PROVIDER_IDS = ['sandbox', 'pingone', 'microauthd', 'entra', 'auth0', 'okta', 'keycloak', 'cognito', 'custom'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderBasics {
  label: string;
  /** The "local sandbox" warning banner, the Break it fault panel and the home page's "Start the sandbox" hint. */
  devTools: boolean;
}

export const PROVIDER_BASICS: Readonly<Record<ProviderId, ProviderBasics>> = Object.freeze({
  sandbox: { label: 'Local sandbox', devTools: true },
  pingone: { label: 'PingOne', devTools: false },
  microauthd: { label: 'microauthd', devTools: false },
  entra: { label: 'Microsoft Entra ID', devTools: false },
  auth0: { label: 'Auth0', devTools: false },
  okta: { label: 'Okta', devTools: false },
  keycloak: { label: 'Keycloak', devTools: false },
  cognito: { label: 'Amazon Cognito', devTools: false },
  custom: { label: 'Custom', devTools: false },
});
