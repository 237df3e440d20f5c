// certRef/keyRef/caRef: file names inside the relay's certificate directory, resolved so that none can point outside it.
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

import { checkClientCredential, parseCertificate } from './clientCredential.js';
import { MAX_PEM_FILE_BYTES } from './constants.js';
import { badRequest } from './refusal.js';

const inside = (dir, path) => {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * Reads one referenced PEM file. The name is resolved against certDir and checked twice: as written (no `..`, no
 * absolute path) and after symlinks are followed (a link inside certDir must not lead outside it).
 * @param {string} certDir
 * @param {string} ref
 * @param {string} field `certRef`, `keyRef` or `caRef`, for the reason
 */
export async function readCertFile(certDir, ref, field) {
  const dir = resolve(certDir);
  const path = resolve(dir, ref);
  if (isAbsolute(ref) || !inside(dir, path)) throw badRequest(`mtls.${field} must be a file name inside the certificate directory ${dir}, not a path out of it`);
  let real;
  try {
    real = await realpath(path);
  } catch {
    throw badRequest(`mtls.${field}: no file "${ref}" in the certificate directory ${dir} (set RELAY_CERT_DIR to change it)`);
  }
  if (!inside(await realpath(dir), real)) throw badRequest(`mtls.${field}: "${ref}" links outside the certificate directory ${dir}`);
  const info = await stat(real);
  if (!info.isFile()) throw badRequest(`mtls.${field}: "${ref}" in ${dir} is not a file`);
  if (info.size > MAX_PEM_FILE_BYTES) throw badRequest(`mtls.${field}: "${ref}" is larger than a PEM file can be (${MAX_PEM_FILE_BYTES} bytes)`);
  return readFile(real, 'utf8');
}

/**
 * The TLS client options named by `{ certRef, keyRef, caRef? }` (checked like an upload) or `{ caRef }`.
 * @param {string} certDir
 * @param {{ certRef?: string, keyRef?: string, caRef?: string }} refs (`{ caRef }` alone: only a CA to trust)
 */
export async function readCertRefs(certDir, refs) {
  if (refs.certRef === undefined) {
    const ca = await readCertFile(certDir, refs.caRef, 'caRef');
    parseCertificate(ca, `caRef "${refs.caRef}"`);
    return { ca };
  }
  const [cert, key, ca] = await Promise.all([
    readCertFile(certDir, refs.certRef, 'certRef'),
    readCertFile(certDir, refs.keyRef, 'keyRef'),
    refs.caRef === undefined ? undefined : readCertFile(certDir, refs.caRef, 'caRef'),
  ]);
  const names = { cert: `certRef "${refs.certRef}"`, key: `keyRef "${refs.keyRef}"`, ca: `caRef "${refs.caRef}"` };
  return checkClientCredential({ cert, key, ca }, { names }).tls;
}
