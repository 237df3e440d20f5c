// initialAssets decides what the bundle gate counts: what a first load fetches, and nothing it does not.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialAssets, routeChunkSizes } from './bundle';

const HTML = `<!doctype html><html><head>
<link rel="icon" href="/assets/icon-1.css">
<script type="module" crossorigin src="/assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-b2.js">
<link rel="stylesheet" crossorigin href="/assets/index-c3.css">
<link rel="prefetch" href="/assets/Lazy-d4.js">
<script src="https://cdn.example/x.js"></script>
</head><body><div id="root"></div></body></html>`;

describe('initialAssets', () => {
  it('counts module scripts, modulepreloads and stylesheets, not prefetches, icons or other origins', () => {
    expect(initialAssets(HTML)).toEqual(['assets/index-a1.js', 'assets/vendor-b2.js', 'assets/index-c3.css']);
  });
});

describe('routeChunkSizes', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows a route chunk’s static imports, leaving out what the first load already has and dynamic imports', () => {
    dir = mkdtempSync(join(tmpdir(), 'bundle-test-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="/assets/index-a1.js"></script>');
    const files: Record<string, string> = {
      'index-a1.js': 'export const a=1;',
      'Flow-x9.js': 'import{a}from"./index-a1.js";import"./shared-s1.js";const l=()=>import("./later-l1.js");',
      'Flow-x9.css': '.flow{color:red}',
      'shared-s1.js': 'import{b}from"./deep-d1.js";',
      'deep-d1.js': 'export const b=2;',
      'later-l1.js': 'export const c=3;',
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), body);
    const { chunk, extra } = routeChunkSizes(dir, 'Flow');
    expect(chunk.files.sort()).toEqual(['assets/Flow-x9.css', 'assets/Flow-x9.js']);
    expect(extra.files.sort()).toEqual(['assets/deep-d1.js', 'assets/shared-s1.js']);
  });
});
