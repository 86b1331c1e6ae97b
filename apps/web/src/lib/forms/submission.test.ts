import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { Submission } from './submission.svelte';

type Input = Parameters<SubmitFunction>[0];
type After = Exclude<Awaited<ReturnType<SubmitFunction>>, void>;

function submit(submission: Submission) {
  const cancel = vi.fn();
  const input = { action: new URL('http://x/'), formData: new FormData(), formElement: element(), controller: new AbortController(), submitter: null, cancel } as unknown as Input;
  return { after: submission.enhance(input) as After | void, cancel };
}

// A stand-in for the form element: the helper never touches it.
const element = () => ({}) as HTMLFormElement;

function answer(after: After, update: () => Promise<void>) {
  const result: ActionResult = { type: 'success', status: 200 };
  return after({ update, result, action: new URL('http://x/'), formData: new FormData(), formElement: element(), applyAction: async () => {} } as never);
}

describe('Submission', () => {
  it('is busy from the submit until the answer is applied, and keeps what was typed', async () => {
    const submission = new Submission();
    expect(submission.busy).toBe(false);
    const { after } = submit(submission);
    expect(submission.busy).toBe(true);

    let release!: () => void;
    const update = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const applied = answer(after as After, update);
    expect(submission.busy).toBe(true);
    expect(update).toHaveBeenCalledWith({ reset: false });
    release();
    await applied;
    expect(submission.busy).toBe(false);
  });

  it('cancels a second submit while the first is in flight', () => {
    const submission = new Submission();
    const first = submit(submission);
    const second = submit(submission);
    expect(first.cancel).not.toHaveBeenCalled();
    expect(second.cancel).toHaveBeenCalledOnce();
    expect(second.after).toBeUndefined();
  });

  it('is not left busy when applying the answer fails', async () => {
    const submission = new Submission();
    const { after } = submit(submission);
    await expect(answer(after as After, () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(submission.busy).toBe(false);
    expect(submit(submission).cancel).not.toHaveBeenCalled();
  });
});
