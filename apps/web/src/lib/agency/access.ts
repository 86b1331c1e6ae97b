/** Who may open the DP3AKB pages: officers and admins everywhere, a pendamping only the queue. */

export const QUEUE_PATH = '/dinas/verifikasi';

export type AgencyAccess = 'allowed' | 'signIn' | 'forbidden' | 'toQueue';

export function agencyAccess(roles: readonly string[] | null | undefined, pathname: string): AgencyAccess {
  if (!roles) return 'signIn';
  if (roles.includes('OFFICER') || roles.includes('ADMIN')) return 'allowed';
  if (roles.includes('PENDAMPING')) {
    if (pathname === QUEUE_PATH || pathname.startsWith(`${QUEUE_PATH}/`)) return 'allowed';
    // Her only page: the overview sends her there rather than to a 403.
    if (pathname === '/dinas' || pathname === '/dinas/') return 'toQueue';
  }
  return 'forbidden';
}

/** Officers and admins see every agency page; a pendamping only the queue. */
export function isOfficer(roles: readonly string[] | null | undefined): boolean {
  return !!roles && (roles.includes('OFFICER') || roles.includes('ADMIN'));
}
