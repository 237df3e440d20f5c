// One Lighthouse 12 navigation on a fresh system Chromium, with localStorage seeded first, and what to read from it.
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse, { type Config, type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './servers';

export type Preset = 'mobile' | 'desktop';
/** Lighthouse's default config is the mobile preset (Moto G Power, simulated slow 4G); desktop is its own config. */
const CONFIGS: Record<Preset, Config | undefined> = { mobile: undefined, desktop: desktopConfig };
export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export interface AuditTarget {
  url: string;
  /** localStorage entries for the page's origin, written before Lighthouse navigates. */
  localStorage?: Record<string, string>;
}

/**
 * Lighthouse 12 clears only file systems, shader cache, service workers and Cache Storage of the origin, plus the
 * HTTP cache (core/config/constants.js clearStorageTypes), so localStorage written beforehand survives into the
 * audited load. A fresh Chromium (new profile) per run keeps runs independent of each other.
 */
async function seedLocalStorage(port: number, url: string, entries: Record<string, string>): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    // A same-origin resource, not the page itself: the app's own first load is what Lighthouse measures.
    await page.goto(new URL('/settings.json', url).href);
    await page.evaluate((items) => Object.entries(items).forEach(([k, v]) => window.localStorage.setItem(k, v)), entries);
    await page.close();
  } finally {
    await browser.close(); // over CDP this disconnects; Chromium keeps running for Lighthouse
  }
}

export async function runLighthouse(target: AuditTarget, preset: Preset): Promise<Result> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], logLevel: 'silent' });
  try {
    if (target.localStorage) await seedLocalStorage(chrome.port, target.url, target.localStorage);
    const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: [...CATEGORIES] };
    const result = await lighthouse(target.url, flags, CONFIGS[preset]);
    if (!result) throw new Error(`Lighthouse returned nothing for ${target.url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse ${target.url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

export const score = (lhr: Result, category: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100);
export const numeric = (lhr: Result, audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;

/** Audits that cost points in a category below 100 (weighted, scored below 1), e.g. "best-practices: errors-in-console". */
export function lostPoints(lhr: Result): string[] {
  const lost: string[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category || category.score === 1) continue;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${id}: ${ref.id} (${audit.displayValue ?? audit.score})`);
    }
  }
  return lost;
}

type Items = Array<Record<string, unknown>>;
const itemsOf = (lhr: Result, audit: string): Items => ((lhr.audits[audit]?.details as { items?: Items } | undefined)?.items ?? []);

/** What Chrome logged while loading: console errors and DevTools issues (a CSP violation shows up in both). */
export function consoleIssues(lhr: Result): string[] {
  const errors = itemsOf(lhr, 'errors-in-console').map((i) => `console ${String(i.source)}: ${String(i.description)}${i.url ? ` (${String(i.url)})` : ''}`);
  const issues = itemsOf(lhr, 'inspector-issues').map((i) => {
    const sub = (i.subItems as { items?: Items } | undefined)?.items ?? [];
    return `issue ${String(i.issueType)}: ${sub.map((s) => JSON.stringify(s)).join('; ')}`;
  });
  return [...errors, ...issues];
}
