import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for our forms: marks the form busy while it is sent and keeps what was typed when the
 * server answers with field errors (SvelteKit resets the form otherwise).
 */
export function keepValues(setBusy: (busy: boolean) => void): SubmitFunction {
  return () => {
    setBusy(true);
    return async ({ update }) => {
      await update({ reset: false });
      setBusy(false);
    };
  };
}
