/** `--name value` from the command line (after `npm run bench -- <bench>`), else the environment variable. */
export const option = (name: string, env?: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0 && process.argv[at + 1] !== undefined) return process.argv[at + 1];
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  return env ? process.env[env] : undefined;
};

export const numberOption = (name: string, env: string, fallback: number): number => {
  const value = option(name, env);
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${value}"`);
  return Math.floor(n);
};
