// CONTRACT STUB — the logger helper replaces the implementation but keeps every exported name and type below.

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
