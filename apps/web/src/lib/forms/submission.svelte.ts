import type { SubmitFunction } from '@sveltejs/kit';
import { goto } from '$app/navigation';

/**
 * One form's state while `use:enhance` sends it. `busy` is true from the submit until the server's
 * answer is applied: the component reads it (button disabled, form aria-busy) and nothing is passed
 * back in, so a component cannot wire it wrongly. A second submit while busy is cancelled, and what
 * was typed stays when the server answers with field errors (SvelteKit resets the form otherwise).
 * A redirect back to a spot of the page (`/dashboard#produk-…`, after a stock tap) keeps her place
 * and the focus on the button she pressed, so she can tap again.
 *
 *   const submission = new Submission();
 *   <form method="POST" use:enhance={submission.enhance} aria-busy={submission.busy}>
 *     <button disabled={submission.busy}>…</button>
 */
export class Submission {
  busy = $state(false);

  readonly enhance: SubmitFunction = ({ cancel }) => {
    if (this.busy) return cancel();
    this.busy = true;
    return async ({ result, update }) => {
      try {
        if (result.type === 'redirect' && returnsToSpot(result.location)) {
          await goto(result.location, { invalidateAll: true, noScroll: true, keepFocus: true });
        } else {
          await update({ reset: false });
        }
      } finally {
        this.busy = false;
      }
    };
  };
}

/** The same page, at one of its elements. */
function returnsToSpot(location: string): boolean {
  const target = new URL(location, window.location.href);
  return target.hash !== '' && target.origin === window.location.origin && target.pathname === window.location.pathname;
}
