// The sandbox writes DEMO-ONLY files into its certificate directory and nowhere else.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { assertDemoFileName, readDemoJson, writeDemoFile, writeDemoJson } from './demoFiles.js';

let parent;
let dir;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'sandbox-demo-files-'));
  dir = join(parent, 'certs');
});
afterEach(() => rm(parent, { recursive: true, force: true }));

describe('DEMO-ONLY files', () => {
  it.each(['../DEMO-ONLY-x', 'DEMO-ONLY-../x', 'DEMO-ONLY-a/b', '/tmp/DEMO-ONLY-x', 'key.pem', 'DEMO-ONLY-', '', 'DEMO-ONLY-..'])(
    'refuses the name %j (outside the directory, or not labelled DEMO-ONLY)',
    async (name) => {
      expect(() => assertDemoFileName(name)).toThrow(/not a DEMO-ONLY file name/);
      await expect(writeDemoFile(dir, name, 'x', 0o600)).rejects.toThrow(/not a DEMO-ONLY file name/);
    },
  );

  it('writes only the named file inside the directory, with its mode, and no temporary file is left', async () => {
    await writeDemoFile(dir, 'DEMO-ONLY-test.key.pem', 'secret demo', 0o600);
    expect(await readdir(parent)).toEqual(['certs']);
    expect(await readdir(dir)).toEqual(['DEMO-ONLY-test.key.pem']);
    expect((await stat(join(dir, 'DEMO-ONLY-test.key.pem'))).mode & 0o777).toBe(0o600);
  });

  it('reads JSON back only in the format it was written with, and says what the file is', async () => {
    await writeDemoJson(dir, 'DEMO-ONLY-test.json', 3, { value: 1 });
    expect(await readDemoJson(dir, 'DEMO-ONLY-test.json', 3)).toMatchObject({ format: 3, value: 1 });
    expect(await readDemoJson(dir, 'DEMO-ONLY-test.json', 4)).toBeUndefined();
    expect(await readDemoJson(dir, 'DEMO-ONLY-missing.json', 3)).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'DEMO-ONLY-test.json'), 'utf8')).note).toMatch(/^DEMO-ONLY/);
  });

  it('reads an unreadable or broken file as missing', async () => {
    await writeDemoFile(dir, 'DEMO-ONLY-broken.json', '{"format": 3,', 0o600);
    expect(await readDemoJson(dir, 'DEMO-ONLY-broken.json', 3)).toBeUndefined();
    await writeDemoFile(dir, 'DEMO-ONLY-locked.json', '{"format": 3}', 0o000);
    // root reads a 000 file anyway; either way it must not throw
    expect(await readDemoJson(dir, 'DEMO-ONLY-locked.json', 3).then(() => 'ok')).toBe('ok');
  });
});
