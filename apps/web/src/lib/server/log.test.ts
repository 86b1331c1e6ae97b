import { describe, expect, it } from 'vitest';
import { createLogger, currentRequestId, requestIdFrom, withRequestId } from './log';

function memory() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe('requestIdFrom', () => {
  it("keeps a proxy's well-formed id and replaces anything else", () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': 'ingress-4f2a_9' }))).toBe('ingress-4f2a_9');
    for (const bad of ['two words', 'x'.repeat(65), 'id;DROP', '']) {
      expect(requestIdFrom(new Headers({ 'x-request-id': bad }))).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('createLogger', () => {
  it('writes JSON lines that carry the request id of the request they are logged in, across awaits', async () => {
    const { lines, stream } = memory();
    const logger = createLogger({ logLevel: 'info', logFormat: 'json' }, stream);
    logger.info('outside');
    await Promise.all(
      ['req-a', 'req-b'].map((id) =>
        withRequestId(id, async () => {
          await new Promise((resolve) => setTimeout(resolve, id === 'req-a' ? 10 : 1));
          logger.info({ step: 'after await' }, `in ${currentRequestId()}`);
        })
      )
    );
    expect(lines.map(({ name, level, reqId, msg }) => ({ name, level, reqId, msg }))).toEqual([
      { name: 'web', level: 30, reqId: undefined, msg: 'outside' },
      { name: 'web', level: 30, reqId: 'req-b', msg: 'in req-b' },
      { name: 'web', level: 30, reqId: 'req-a', msg: 'in req-a' }
    ]);
    expect(currentRequestId()).toBeUndefined();
  });

  it('leaves out lines below LOG_LEVEL', () => {
    const { lines, stream } = memory();
    const logger = createLogger({ logLevel: 'warn', logFormat: 'json' }, stream);
    logger.info('quiet');
    logger.warn('heard');
    expect(lines.map((line) => line.msg)).toEqual(['heard']);
  });
});
