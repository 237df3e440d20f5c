// Opening and closing a local Node server's socket, for the sandbox and the relay alike.

/**
 * Listens and resolves with the real port (0 asks for an ephemeral one); a bind error (EADDRINUSE…) rejects.
 * @param {import('node:net').Server} server @param {number} port @param {string} host @returns {Promise<number>}
 */
export function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

/**
 * Stops listening and cuts keep-alive connections, which would otherwise hold `close()` open.
 * @param {import('node:http').Server} server @returns {Promise<void>}
 */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
