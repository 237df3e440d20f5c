// DEMO-ONLY files in the sandbox's certificate directory: the only files the sandbox writes, and only there. Demo
// material (certificates, signing keys) is kept there between starts so a start does not generate it again.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file the sandbox writes is named like this: a bare name (no directory part) that says what it is. */
const DEMO_FILE_NAME = /^DEMO-ONLY-[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** Throws unless `name` is a DEMO-ONLY file name, so no caller can write outside the directory or an unlabelled file. */
export function assertDemoFileName(name) {
  if (typeof name !== 'string' || !DEMO_FILE_NAME.test(name) || name.includes('..')) {
    throw new TypeError(`not a DEMO-ONLY file name: ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * Writes `text` to `dir/name` through a temporary name in the same directory, so a reader (the relay, the next start)
 * never sees half a file. Keys are written owner-only (mode 0o600).
 * @param {string} dir @param {string} name a DEMO-ONLY name @param {string} text @param {number} mode
 */
export async function writeDemoFile(dir, name, text, mode) {
  assertDemoFileName(name);
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, { mode });
    await rename(temporary, join(dir, name));
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/**
 * The text of `dir/name`, or undefined when it is missing or unreadable: cached demo material is regenerated then.
 * @param {string} dir @param {string} name @returns {Promise<string | undefined>}
 */
export async function readDemoFile(dir, name) {
  assertDemoFileName(name);
  try {
    return await readFile(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A DEMO-ONLY JSON file written by {@link writeDemoJson} with this `format`, or undefined when it is missing,
 * unreadable, not JSON, or of another format (written by an older or newer sandbox).
 * @param {string} dir @param {string} name @param {number} format @returns {Promise<Record<string, unknown> | undefined>}
 */
export async function readDemoJson(dir, name, format) {
  const text = await readDemoFile(dir, name);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && value.format === format ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `value` as a DEMO-ONLY JSON file with its `format` and a note saying what the file is, owner-only.
 * @param {string} dir @param {string} name @param {number} format @param {Record<string, unknown>} value
 */
export function writeDemoJson(dir, name, format, value) {
  const note = 'DEMO-ONLY material of the OAuth M2M Playground sandbox, kept between starts. Never use it anywhere else; '
    + 'delete this directory to have it generated again.';
  return writeDemoFile(dir, name, `${JSON.stringify({ note, format, ...value }, null, 2)}\n`, 0o600);
}
