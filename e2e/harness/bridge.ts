/**
 * Browser-test bridge (see bridgeServer.ts), as the e2e tests start it:
 * node e2e/harness/bridge.ts [--port N] [--data DIR]. Also handy by hand: open the printed URL in any
 * browser. Temporary data folders are removed when it stops.
 */
import { parseArgs } from 'node:util';
import { startBridge } from './bridgeServer.ts';

const { values: options } = parseArgs({
  options: { port: { type: 'string', default: '0' }, data: { type: 'string' } },
});
const bridge = await startBridge({ port: Number(options.port), dataFolder: options.data, testHooks: true });
console.log(`bridge: ${bridge.url} (data ${bridge.dataFolder()})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void bridge.close().finally(() => process.exit(0));
  });
}
