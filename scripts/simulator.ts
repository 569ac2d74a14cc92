/**
 * `npm run simulator`: the Webex simulator on its own, for pointing the app (SWITCHBOARD_WEBEX_BASE_URL,
 * SWITCHBOARD_WEBEX_TOKEN) or curl at it. Drive it through its /_sim routes (see the README).
 */
import { startWebexSimulator } from '../src/main/simulator/webex';

const port = Number(process.env.PORT ?? 0);
const sim = await startWebexSimulator({ port: Number.isFinite(port) ? port : 0, recordRequests: false });
console.log(`Webex simulator: ${sim.baseUrl}  (token: ${sim.token})`);
console.log(
  `Ring the user:   curl -X POST ${sim.baseUrl.replace(/\/v1$/, '')}/_sim/ring -d '{"from":{"name":"Alice","number":"+15550100"}}'`,
);

const stop = async () => {
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
