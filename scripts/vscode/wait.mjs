// Every wait in the real-VS Code checks goes through `within`: it names what it waited for, so a
// timeout says which condition never came instead of just "timed out".

export class WaitTimeout extends Error {}

/** Resolves with `promise`, or rejects after `ms` with a message naming `what`. */
export function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new WaitTimeout(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
