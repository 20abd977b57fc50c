/** Bundle entry of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, as the client starts it). */
import { runServer } from '../main';

runServer();
