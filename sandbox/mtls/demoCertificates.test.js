// The demo certificates kept between starts: reused while whole and current, issued again when stale, unreadable,
// mixed with another set, or of another format.
import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  CERT_FILES, CERTIFICATES_FILE, certificatesForStart, createDemoCertificates, readDemoCertificates, SERVER_FILES,
  writeDemoCertificates,
} from './demoCertificates.js';
import { VALID_DAYS } from './demoCertificateNames.js';

const DAY = 86_400_000;
const ISSUED_AT = Date.now();
let kept;
let other; // a second set: its files must not be taken for the kept set's
let dir;
beforeAll(async () => {
  [kept, other] = await Promise.all([createDemoCertificates(ISSUED_AT), createDemoCertificates(ISSUED_AT)]);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-demo-certs-'));
  await writeDemoCertificates(kept, dir, { keep: true });
  return () => rm(dir, { recursive: true, force: true });
});

const start = (now = ISSUED_AT) => certificatesForStart({ certDir: dir, keep: true, now });

describe('demo certificates kept between starts', () => {
  it('reuses the kept set (with what its clients are registered with) and writes nothing', async () => {
    const before = (await stat(join(dir, CERT_FILES.ca))).mtimeMs;
    const { material, reused, save } = await start(ISSUED_AT + (VALID_DAYS - 8) * DAY);
    expect(reused).toBe(true);
    expect(material).toEqual(kept);
    await save();
    expect((await stat(join(dir, CERT_FILES.ca))).mtimeMs).toBe(before);
  });

  it('writes only DEMO-ONLY files, keys owner-only, and the manifest saying what they are', async () => {
    const names = await readdir(dir);
    expect(names.sort()).toEqual([...Object.values(CERT_FILES), ...Object.values(SERVER_FILES), CERTIFICATES_FILE].sort());
    for (const key of [CERT_FILES.tlsKey, CERT_FILES.selfSignedKey, SERVER_FILES.key, CERTIFICATES_FILE]) {
      expect((await stat(join(dir, key))).mode & 0o777).toBe(0o600);
    }
    expect(JSON.parse(await readFile(join(dir, CERTIFICATES_FILE), 'utf8')).note).toMatch(/^DEMO-ONLY/);
  });

  it.each([
    ['less than a week of validity is left', ISSUED_AT + (VALID_DAYS - 6) * DAY],
    ['they have expired', ISSUED_AT + (VALID_DAYS + 1) * DAY],
    ['they are not valid yet (the clock moved back)', ISSUED_AT - 2 * 3_600_000],
  ])('issues a new set when %s, and save() writes it', async (_name, now) => {
    expect(await readDemoCertificates(dir, now)).toBeUndefined();
    const next = await start(now);
    expect(next.reused).toBe(false);
    expect(next.material.caPem).not.toBe(kept.caPem);
    await next.save();
    expect(await readFile(join(dir, CERT_FILES.ca), 'utf8')).toBe(next.material.caPem);
  });

  it.each([
    ['a file is missing', () => unlink(join(dir, CERT_FILES.tlsKey))],
    ['a file does not parse', () => writeFile(join(dir, CERT_FILES.tlsCert), '-----BEGIN CERTIFICATE-----\nnope\n')],
    ['a key belongs to another set', () => writeFile(join(dir, CERT_FILES.tlsKey), other.tlsClient.keyPem)],
    ['a certificate was issued by another CA', () => writeFile(join(dir, SERVER_FILES.cert), other.server.certPem)],
    ['the manifest is missing', () => unlink(join(dir, CERTIFICATES_FILE))],
    ['the manifest has another format', async () => {
      const manifest = JSON.parse(await readFile(join(dir, CERTIFICATES_FILE), 'utf8'));
      await writeFile(join(dir, CERTIFICATES_FILE), JSON.stringify({ ...manifest, format: manifest.format + 1 }));
    }],
  ])('issues a new set when %s', async (_name, damage) => {
    await damage();
    expect(await readDemoCertificates(dir, ISSUED_AT)).toBeUndefined();
    expect((await start()).reused).toBe(false);
  });

  it('without keep, issues a new set even when a usable one is kept', async () => {
    const next = await certificatesForStart({ certDir: dir, keep: false });
    expect(next.reused).toBe(false);
    expect(next.material.caPem).not.toBe(kept.caPem);
  });
});
