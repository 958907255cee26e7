// Process entry: load config → open db → migrate → seed (demo only) → listen.
import { ConfigError, loadConfig } from './config.js';
import { createSystem } from './system.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Cấu hình không hợp lệ / invalid configuration: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const system = await createSystem(config);
  const { app } = system;
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { db: system.database.kind, dataDir: config.dataDir, demoData: config.demoData },
    `dvc is running at http://localhost:${config.port}`,
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await system.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
