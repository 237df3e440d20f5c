// How messages name the authorization server's endpoints ("The token endpoint did not answer…").

export const TOKEN_ENDPOINT_PEER = 'the token endpoint';
/** RFC 7662 introspection reuses the token endpoint's client authentication and error family. */
export const INTROSPECTION_ENDPOINT_PEER = 'the introspection endpoint';
/** RFC 7009 revocation likewise. */
export const REVOCATION_ENDPOINT_PEER = 'the revocation endpoint';
