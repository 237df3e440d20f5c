// One sandbox start, taken apart: run in a fresh process (`node bench/support/sandboxStartPhases.js <certDir>`), it
// prints one JSON line with the CPU time (process.cpuUsage: what the start costs, which other load on the machine
// hardly changes) and the wall time of each phase. bench/sandboxStartup.bench.ts runs it cold (empty certDir) and warm.
const certDir = process.argv[2];
if (!certDir) throw new Error('usage: node bench/support/sandboxStartPhases.js <certDir>');

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const phases = { boot: { cpuMs: cpuMs(), wallMs: process.uptime() * 1000 } };
async function phase(name, run) {
  const [cpu, wall] = [cpuMs(), performance.now()];
  const result = await run();
  phases[name] = { cpuMs: cpuMs() - cpu, wallMs: performance.now() - wall };
  return result;
}

// In the order sandbox/app.js's imports load them: each figure is what that package adds to the ones before it.
await phase('import express', () => import('express'));
await phase('import oidc-provider', () => import('oidc-provider'));
await phase('import jose', () => import('jose'));
const { startSandbox } = await phase('import sandbox (the rest)', () => import('../../sandbox/app.js'));
const { signingKeysForStart } = await import('../../sandbox/signingKeys.js');
const { certificatesForStart } = await import('../../sandbox/mtls/demoCertificates.js');

// What startSandbox does first, alone (nothing saved, so the start below is just as cold or warm). startSandbox then
// does both again, so the total leaves these two out; and @peculiar/x509 is already loaded when startSandbox runs, so
// its phase reads cheaper on a cold start than a real one.
await phase('signing keys (read or generate)', () => signingKeysForStart({ certDir, keep: true }));
await phase('certificates (read or issue)', () => certificatesForStart({ certDir, keep: true }));
const sandbox = await phase('startSandbox (keys, certificates, listen, provider)', () => startSandbox({
  port: 0, mtlsPort: 0, host: '127.0.0.1', certDir, keepDemoMaterial: true, quiet: true,
}));
await phase('first /sandbox/info', async () => (await fetch(`${sandbox.baseUrl}/sandbox/info`)).json());
await sandbox.close();
const repeated = ['signing keys (read or generate)', 'certificates (read or issue)'].map((name) => phases[name]);
phases.total = {
  cpuMs: cpuMs() - repeated.reduce((sum, p) => sum + p.cpuMs, 0),
  wallMs: process.uptime() * 1000 - repeated.reduce((sum, p) => sum + p.wallMs, 0),
};
console.log(JSON.stringify(phases));
