/** Ids of the server's commands (workspace/executeCommand); the client calls them by these names. */
export const COMMANDS = {
  pinAll: 'podLens.server.pinAllImages',
} as const;
