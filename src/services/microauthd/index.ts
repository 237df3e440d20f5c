// microauthd AUTH-server client: public surface.
export { createMicroauthdClient } from './client';
export { MicroauthdApiError, MicroauthdForbiddenError, type ForbiddenScopeInfo } from './errors';
export { DEFAULT_MICROAUTHD_TIMEOUT_MS, EXCHANGE_SNIPPET_LENGTH, diagnoseScope } from './transport';
export type * from './types';
export { validatePassword, validateProvisionUser, validateUserId } from './validation';
