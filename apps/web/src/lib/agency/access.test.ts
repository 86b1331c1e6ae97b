import { describe, expect, it } from 'vitest';
import { agencyAccess, isOfficer } from './access';

describe('agencyAccess', () => {
  it('sends anonymous visitors to sign in', () => {
    expect(agencyAccess(null, '/dinas/kampung')).toBe('signIn');
  });
  it('lets officers and admins in everywhere', () => {
    for (const path of ['/dinas', '/dinas/verifikasi', '/dinas/kampung/1', '/dinas/pelatihan']) {
      expect(agencyAccess(['BUYER', 'OFFICER'], path)).toBe('allowed');
      expect(agencyAccess(['ADMIN'], path)).toBe('allowed');
    }
  });
  it('lets a pendamping into the queue only, sending her there from the overview', () => {
    expect(agencyAccess(['BUYER', 'PENDAMPING'], '/dinas/verifikasi')).toBe('allowed');
    expect(agencyAccess(['PENDAMPING'], '/dinas')).toBe('toQueue');
    expect(agencyAccess(['PENDAMPING'], '/dinas/kampung')).toBe('forbidden');
    expect(agencyAccess(['PENDAMPING'], '/dinas/verifikasi-palsu')).toBe('forbidden');
  });
  it('lets a pendamping into the surveys and her participants\' impact, not the officers\' impact report', () => {
    expect(agencyAccess(['PENDAMPING'], '/dinas/survei')).toBe('allowed');
    expect(agencyAccess(['PENDAMPING'], '/dinas/dampak/peserta/3f2c8a4e-1b2d-4c5e-8f90-123456789abc')).toBe('allowed');
    expect(agencyAccess(['PENDAMPING'], '/dinas/dampak')).toBe('forbidden');
    expect(agencyAccess(['PENDAMPING'], '/dinas/dampak/ekspor/1')).toBe('forbidden');
    expect(agencyAccess(['PENDAMPING'], '/dinas/survei-lain')).toBe('forbidden');
  });
  it('refuses buyers and sellers', () => {
    expect(agencyAccess(['BUYER', 'SELLER'], '/dinas/verifikasi')).toBe('forbidden');
    expect(agencyAccess([], '/dinas')).toBe('forbidden');
  });
  it('tells officers from pendamping', () => {
    expect(isOfficer(['OFFICER'])).toBe(true);
    expect(isOfficer(['PENDAMPING'])).toBe(false);
    expect(isOfficer(null)).toBe(false);
  });
});
