/**
 * `npm run preview`: starts the browser preview and prints where it is. PORT picks the port (default:
 * any free one); SWITCHBOARD_* choose the provider as for the app (the demo by default). Stops cleanly
 * on Ctrl+C.
 */
import { startPreview } from './preview-server';

function portFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (0–65535), not "${value}".`);
  return port;
}

try {
  const preview = await startPreview({ env: process.env, port: portFromEnv(process.env.PORT) });
  console.log(`Preview: ${preview.url}`);
  const simulator = preview.backend.simulator;
  if (simulator) console.log(`Demo simulator: ${new URL(simulator.baseUrl).origin}/_sim/ (POST /_sim/ring, GET /_sim/state, …)`);
  const stop = () => {
    void preview.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`The preview could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
