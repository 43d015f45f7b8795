import { ConfigError } from '../platform/config.ts';
import { describeError } from '../platform/http/safe-error.ts';

/**
 * Runs a command-line tool. A failure prints what the log would keep of it (codes, SQL text,
 * stack frames; never the values a failed query carried) instead of Node's dump of the whole
 * error object, and exits 1; a wrong configuration prints its message and exits 78 (EX_CONFIG).
 */
/** `main` may answer the exit code (0 or nothing: success). */
export const runCli = async (main: () => Promise<unknown>): Promise<void> => {
  try {
    const code = await main();
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    console.error(`Gagal / failed:\n${describeError(error)}`);
    process.exit(1);
  }
};
