import type { OptionReader } from './options/option-reader';

/**
 * The `--queue` URL, with the password from env LOSS_LAB_QUEUE_PASSWORD when the URL has none (so it need
 * not appear on a command line other users can see with `ps`). Undefined without `--queue`.
 */
export function queueUrlOf(options: OptionReader, env: NodeJS.ProcessEnv): string | undefined {
  const given = options.string('queue');
  const password = env['LOSS_LAB_QUEUE_PASSWORD'];
  if (given === undefined || !password) return given;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return given; // parseQueueUrl says what is wrong with it
  }
  if (url.password) return given;
  url.password = encodeURIComponent(password);
  return url.toString();
}
