// Access to the M2M token context (NewAuthContext); throws a clear error when used outside its provider.
import { useContext } from 'react';
import { NewAuthContext, type NewAuthContextValue } from '../contexts/NewAuthContext';
import { PlaygroundError } from '../utils/errors';

/** The M2M token context: cache, stores, `getM2MToken`, `hasToken`, `currentToken`, `saveToken`, `signOut`. */
export function useNewAuth(): NewAuthContextValue {
  const value = useContext(NewAuthContext);
  if (!value) throw new PlaygroundError('UNEXPECTED', 'useNewAuth must be used inside <NewAuthProvider>.');
  return value;
}
