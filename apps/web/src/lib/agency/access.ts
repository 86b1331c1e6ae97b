/** Who may open the DP3AKB pages: officers and admins everywhere, a pendamping the queue, the surveys and her participants' impact. */

export const QUEUE_PATH = '/dinas/verifikasi';
/** Pages a pendamping shares with officers: her kampung's surveys and her participants' impact. */
export const PENDAMPING_PATHS = [QUEUE_PATH, '/dinas/survei', '/dinas/dampak/peserta'];

export type AgencyAccess = 'allowed' | 'signIn' | 'forbidden' | 'toQueue';

export function agencyAccess(roles: readonly string[] | null | undefined, pathname: string): AgencyAccess {
  if (!roles) return 'signIn';
  if (roles.includes('OFFICER') || roles.includes('ADMIN')) return 'allowed';
  if (roles.includes('PENDAMPING')) {
    if (PENDAMPING_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return 'allowed';
    // Her only page: the overview sends her there rather than to a 403.
    if (pathname === '/dinas' || pathname === '/dinas/') return 'toQueue';
  }
  return 'forbidden';
}

/** Officers and admins see every agency page; a pendamping only the queue. */
export function isOfficer(roles: readonly string[] | null | undefined): boolean {
  return !!roles && (roles.includes('OFFICER') || roles.includes('ADMIN'));
}
