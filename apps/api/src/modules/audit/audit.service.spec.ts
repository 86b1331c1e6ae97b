import { RequestContext } from '../../common/context/request-context.js';
import { Role } from '../accounts/models/role.enum.js';
import { actorColumns } from './audit.service.js';

describe('who an audit entry names', () => {
  it('a person by her account and name', () => {
    const ctx = RequestContext.forRequest('r1', { kind: 'person', userId: 'u1', sessionId: 's1', displayName: 'Bu Sri', roles: new Set([Role.PENDAMPING]) });
    expect(actorColumns(ctx.actor!)).toEqual({ actorUserId: 'u1', actorSystem: null, actorName: 'Bu Sri' });
  });

  it('the system by name, without an account', () => {
    expect(actorColumns(RequestContext.forSystem('photo-job').actor!)).toEqual({ actorUserId: null, actorSystem: 'photo-job', actorName: 'Pemrosesan foto (sistem)' });
  });
});
