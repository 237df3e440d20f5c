// The token-request core in one import: describe → (preview | export | send) → process, with retries.
export * from './body';
export * from './clientAuth';
export * from './assertion';
export * from './assertionLint';
export * from './description';
export * from './requestMask';
export * from './curl';
export * from './fetchSnippet';
export * from './send';
export * from './response';
export * from './retry';
export * from './expiry';
export * from './token';
