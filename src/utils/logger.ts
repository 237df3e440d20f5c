// Structured, redacting logger: `[emoji TAG] message` lines in a ring buffer the log drawer subscribes to.

import type { Clock } from './clock';
import { systemClock } from './clock';
import { redactString, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  id: number;
  /** epoch ms */
  ts: number;
  level: LogLevel;
  /** module name, e.g. 'CC', 'cache', 'pingone' */
  module: string;
  /** emoji shown in `[emoji TAG]` */
  emoji: string;
  /** already redacted */
  message: string;
  /** already redacted structured data */
  data?: unknown;
}

export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
  /** A logger for a module: `[emoji TAG] message`. */
  child(module: string, emoji?: string): Logger;
}

export const noopLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => noopLogger,
};

/** The buffer behind the log drawer, shaped for `useSyncExternalStore`. */
export interface LogStore {
  entries(): readonly LogEntry[];
  /** Listeners are called once per batch of entries, after the current task (never during a render). */
  subscribe(listener: () => void): () => void;
  /** The same array until the buffer changes. */
  getSnapshot(): readonly LogEntry[];
  clear(): void;
  /** The buffer as pretty JSON with ISO timestamps (already redacted). */
  exportJson(): string;
}

/** The root logger: logs under its own module and owns the shared buffer. */
export interface RootLogger extends Logger, LogStore {}

export interface CreateLoggerOptions {
  clock?: Pick<Clock, 'now'>;
  /** Ring buffer size; the oldest entries are dropped first. */
  capacity?: number;
  /** Receives every stored entry with its formatted line (console, tests). Errors it throws are swallowed. */
  sink?: (entry: LogEntry, formatted: string) => void;
  /** Entries below this level are dropped. */
  minLevel?: LogLevel;
  /** Module of the root logger itself. */
  module?: string;
  emoji?: string;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Default emoji per module tag, so every line of one module looks the same. */
export const MODULE_EMOJI: Readonly<Record<string, string>> = {
  app: '🧭',
  CC: '🔐',
  cache: '💾',
  pingone: '🛡️',
  microauthd: '🔑',
  config: '⚙️',
  discovery: '🔎',
  storage: '📦',
  http: '🌐',
  keys: '🗝️',
  sandbox: '🧪',
};

/** `2025-01-02T03:04:05.000Z INFO  [🔐 CC] token acquired {"token_type":"bearer"}` */
export function formatLogEntry(entry: LogEntry): string {
  const data = entry.data === undefined ? '' : ` ${safeStringify(entry.data)}`;
  return `${new Date(entry.ts).toISOString()} ${entry.level.toUpperCase().padEnd(5)} [${entry.emoji} ${entry.module}] ${entry.message}${data}`;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[Unserialisable]';
  }
}

/** The newest `capacity` entries, one frozen snapshot per change, and listeners told after a microtask. */
function createLogBuffer(capacity: number) {
  const buffer: LogEntry[] = [];
  const listeners = new Set<() => void>();
  let snapshot: readonly LogEntry[] = Object.freeze([]);
  let dirty = false;
  let notifyScheduled = false;

  function notify() {
    dirty = true;
    if (notifyScheduled) return;
    notifyScheduled = true;
    // Deferred so that logging from inside a render never updates the drawer during that render.
    queueMicrotask(() => {
      notifyScheduled = false;
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch {
          // A broken subscriber must not break logging for the others.
        }
      }
    });
  }

  return {
    push(entry: LogEntry) {
      buffer.push(entry);
      if (buffer.length > capacity) buffer.splice(0, buffer.length - capacity);
      notify();
    },
    clear() {
      buffer.length = 0;
      notify();
    },
    getSnapshot(): readonly LogEntry[] {
      if (dirty) {
        snapshot = Object.freeze([...buffer]);
        dirty = false;
      }
      return snapshot;
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

type WriteEntry = (level: LogLevel, module: string, emoji: string, message: string, data: unknown) => void;

/** A logger for `module` over `write`; children share the same writer (and so the same buffer). */
function makeLogger(write: WriteEntry, module: string, emoji: string): Logger {
  return {
    debug: (message, data) => write('debug', module, emoji, message, data),
    info: (message, data) => write('info', module, emoji, message, data),
    warn: (message, data) => write('warn', module, emoji, message, data),
    error: (message, data) => write('error', module, emoji, message, data),
    child: (childModule, childEmoji) => makeLogger(write, childModule, childEmoji ?? MODULE_EMOJI[childModule] ?? '📝'),
  };
}

/**
 * Creates the root logger and its ring buffer. Every message and data object is redacted before it is stored
 * or handed to the sink, so nothing downstream (drawer, export, console) can see a secret.
 */
export function createLogger(options: CreateLoggerOptions = {}): RootLogger {
  const clock = options.clock ?? systemClock;
  const capacity = Math.max(1, Math.floor(options.capacity ?? 500));
  const minRank = LEVEL_RANK[options.minLevel ?? 'debug'];
  const sink = options.sink;
  const buffer = createLogBuffer(capacity);
  let nextId = 1;

  const write: WriteEntry = (level, module, emoji, message, data) => {
    if (LEVEL_RANK[level] < minRank) return;
    try {
      const entry: LogEntry = { id: nextId++, ts: clock.now(), level, module, emoji, message: redactString(String(message)) };
      if (data !== undefined) entry.data = redactValue(data);
      Object.freeze(entry);
      buffer.push(entry);
      sink?.(entry, formatLogEntry(entry));
    } catch {
      // Logging is best effort: it never throws into the code that called it.
    }
  };

  const rootModule = options.module ?? 'app';
  const root = makeLogger(write, rootModule, options.emoji ?? MODULE_EMOJI[rootModule] ?? '🧭');

  return {
    ...root,
    entries: buffer.getSnapshot,
    getSnapshot: buffer.getSnapshot,
    subscribe: buffer.subscribe,
    clear: buffer.clear,
    exportJson() {
      return JSON.stringify(
        buffer.getSnapshot().map((entry) => ({ ...entry, time: new Date(entry.ts).toISOString() })),
        null,
        2,
      );
    },
  };
}

/**
 * Console output for development builds only. `no-console` allows warn and error; lower levels stay in the buffer
 * (the log drawer shows them). Tests keep the console quiet.
 */
function devConsoleSink(entry: LogEntry, formatted: string): void {
  if (!import.meta.env?.DEV || import.meta.env?.MODE === 'test') return;
  if (entry.level === 'error') console.error(formatted);
  else if (entry.level === 'warn') console.warn(formatted);
}

/** The app-wide logger. Modules take `logger.child('CC')`; tests inject their own via options. */
export const logger: RootLogger = createLogger({ sink: devConsoleSink });
