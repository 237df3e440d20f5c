// The two jose functions a new DPoP key needs, as their own module: dpopKey.ts loads it only when it makes a key, so
// the auth stores (on every page, through the status bar) do not bring jose with them.
export { calculateJwkThumbprint, exportJWK } from 'jose';
