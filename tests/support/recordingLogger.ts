// The one fake logger for tests: records every line with its level and module, in order.
import type { Logger, LogLevel } from '../../src/utils/logger';

export interface RecordedLine {
  level: LogLevel;
  module: string;
  message: string;
  data?: unknown;
}

export interface RecordingLogger {
  logger: Logger;
  lines: RecordedLine[];
  /** `level message` per line, the shape most assertions read. */
  text(): string[];
}

/** A Logger whose children share one list of lines. */
export function recordingLogger(module = 'root'): RecordingLogger {
  const lines: RecordedLine[] = [];
  const make = (name: string): Logger => ({
    debug: (message, data) => lines.push({ level: 'debug', module: name, message, data }),
    info: (message, data) => lines.push({ level: 'info', module: name, message, data }),
    warn: (message, data) => lines.push({ level: 'warn', module: name, message, data }),
    error: (message, data) => lines.push({ level: 'error', module: name, message, data }),
    child: (child) => make(child),
  });
  return { logger: make(module), lines, text: () => lines.map((l) => `${l.level} ${l.message}`) };
}
