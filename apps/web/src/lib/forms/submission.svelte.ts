import type { SubmitFunction } from '@sveltejs/kit';

/**
 * One form's state while `use:enhance` sends it. `busy` is true from the submit until the server's
 * answer is applied: the component reads it (button disabled, form aria-busy) and nothing is passed
 * back in, so a component cannot wire it wrongly. A second submit while busy is cancelled, and what
 * was typed stays when the server answers with field errors (SvelteKit resets the form otherwise).
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
    return async ({ update }) => {
      try {
        await update({ reset: false });
      } finally {
        this.busy = false;
      }
    };
  };
}
