// What a first load downloads: the gzip size of the JS and CSS a built index.html loads up front.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget of issue 10: the app's initial JS+CSS gzip at most this multiple of the bare app's. */
export const INITIAL_RATIO_BUDGET = 1.15;

export interface Sizes {
  files: string[];
  raw: number;
  gzip: number;
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function sizesOf(outDir: string, files: readonly string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(outDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length; // maximum compression (a server's default level is a little larger)
  }
  return { files: [...files], raw, gzip };
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The JS/CSS index.html loads before the app can render: module scripts, modulepreloads and stylesheets
 * (a prefetch or an icon is not part of the first load). Paths are relative to outDir.
 */
export function initialAssets(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const isScript = tag.startsWith('<script');
    const rel = attr(tag, 'rel');
    const url = isScript ? attr(tag, 'src') : rel === 'modulepreload' || rel === 'stylesheet' ? attr(tag, 'href') : undefined;
    if (url && /\.(?:js|css)$/.test(url) && !/^[a-z]+:/i.test(url)) found.push(url.replace(/^\.?\//, ''));
  }
  return [...new Set(found)];
}

/** Initial JS and CSS of a build (what index.html loads), measured separately and together. */
export function initialSizes(outDir: string): { js: Sizes; css: Sizes; total: Sizes } {
  const files = initialAssets(readFileSync(join(outDir, 'index.html'), 'utf8'));
  return {
    js: sizesOf(outDir, files.filter((f) => f.endsWith('.js'))),
    css: sizesOf(outDir, files.filter((f) => f.endsWith('.css'))),
    total: sizesOf(outDir, files),
  };
}

/** Files a JS chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), as outDir paths. */
function staticImports(outDir: string, file: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const code = readFileSync(join(outDir, file), 'utf8');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => `${dir}${m[1]}`);
}

/**
 * A lazy route's download: its chunk (JS + CSS named after the route's module) and, separately, everything its
 * chunk pulls in statically that the first load did not already bring.
 */
export function routeChunkSizes(outDir: string, chunkName: string): { chunk: Sizes; extra: Sizes } {
  const assets = readdirSync(join(outDir, 'assets')).map((f) => `assets/${f}`);
  const chunk = assets.filter((f) => new RegExp(`^assets/${chunkName}-[\\w-]+\\.(?:js|css)$`).test(f));
  const initial = new Set(initialAssets(readFileSync(join(outDir, 'index.html'), 'utf8')));
  const seen = new Set(chunk);
  const queue = chunk.filter((f) => f.endsWith('.js'));
  for (let file = queue.pop(); file; file = queue.pop()) {
    for (const dep of staticImports(outDir, file)) {
      if (seen.has(dep) || initial.has(dep)) continue;
      seen.add(dep);
      queue.push(dep);
    }
  }
  const extra = [...seen].filter((f) => !chunk.includes(f));
  return { chunk: sizesOf(outDir, chunk), extra: sizesOf(outDir, extra) };
}
