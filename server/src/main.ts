import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { startSerasiTimer } from './modules/serasi/escalation.ts';
import { startAuditCheckpoints } from './platform/audit/checkpoint-timer.ts';
import { installConfiguredAuditKeys } from './platform/audit/keys.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { openConfiguredDatabase } from './platform/db/client.ts';
import { describeError } from './platform/http/safe-error.ts';

const start = async () => {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const database = await openConfiguredDatabase(config);
  const where = database.kind === 'pglite' ? `PGlite di ${config.dataDir}` : 'PostgreSQL';
  console.log(`Atensi: basis data ${where}`);
  const report = await bootstrap(database, config, (step) => console.log(`Atensi: ${step}…`));
  const app = await buildApp({ config, database });
  await app.listen({ port: config.PORT, host: config.HOST });
  const stopSerasi = startSerasiTimer(database.db, app.log);
  // The audit chain's head, verified and pinned outside the database (decision 0020).
  const stopCheckpoints = startAuditCheckpoints(
    {
      db: database.db,
      keys: installConfiguredAuditKeys(config),
      dir: config.auditCheckpointDir,
      log: app.log,
    },
    config.ATENSI_AUDIT_CHECKPOINT_MINUTES * 60_000,
  );
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${(app.server.address() as { port: number }).port}`;

  const lines = [``, `Atensi berjalan di ${url}`, `Dokumentasi API: ${url}/api/docs`];
  if (config.demoData) {
    const { demoUsers, demoPassword } = await import('./cli/demo/users.data.ts');
    lines.push('', `Akun demo (kata sandi semua: ${demoPassword}):`);
    for (const u of demoUsers)
      lines.push(`  ${u.username.padEnd(24)} ${u.roles.map((r) => r.role).join(', ')}`);
  }
  if (report.setupToken) {
    lines.push(
      '',
      'Belum ada admin. Buka',
      `  ${url}/pasang`,
      `dan masukkan token sekali pakai ini: ${report.setupToken}`,
    );
  }
  console.log(lines.join('\n'));

  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after error');
    stopSerasi();
    await stopCheckpoints();
    await app.close();
    await database.close();
  });
};

// A failed start prints what a log may keep of the error, not the values a failed query carried.
await start().catch((error: unknown) => {
  console.error(`Atensi gagal dijalankan / failed to start:\n${describeError(error)}`);
  process.exit(1);
});
