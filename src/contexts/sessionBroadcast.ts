// Sign-out reaches every tab of the app: a BroadcastChannel message makes the other tabs purge what they hold in
// memory and in their own sessionStorage (localStorage and IndexedDB are shared and already purged).
// @see https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts

export const SESSION_CHANNEL = 'm2m-playground:session';

/** The message one tab sends the others; nothing secret, just the event. */
export interface SessionMessage {
  type: 'signed-out';
}

export interface SessionBroadcast {
  post(message: SessionMessage): void;
  /** Calls `listener` for messages from other tabs; the returned function stops listening. */
  listen(listener: (message: SessionMessage) => void): () => void;
}

function isSessionMessage(data: unknown): data is SessionMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'signed-out';
}

/** Reaches no other tab (tests, Node tools). */
export const NO_BROADCAST: SessionBroadcast = Object.freeze({ post: () => undefined, listen: () => () => undefined });

/** Over a BroadcastChannel where the platform has one; {@link NO_BROADCAST} elsewhere (old browsers). */
export function createSessionBroadcast(name = SESSION_CHANNEL): SessionBroadcast {
  if (typeof BroadcastChannel === 'undefined') return NO_BROADCAST;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const onMessage = (event: MessageEvent) => {
        if (isSessionMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
