import { describe, expect, it } from 'vitest';
import { parseKampung, parsePendamping, parseReject, parseTraining, parseVerify } from './forms';

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

describe('queue forms', () => {
  it('needs a cohort to verify', () => {
    const result = parseVerify(form({ sellerId: 's1', trainingProgramId: '' }), 'id');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.trainingProgramId).toBe('Pilih pelatihan yang diikutinya.');
    expect(parseVerify(form({ sellerId: 's1', trainingProgramId: 'p1' }), 'id')).toMatchObject({
      ok: true,
      input: { sellerId: 's1', trainingProgramId: 'p1' }
    });
  });

  it('needs a reason of 5–500 characters to reject, in her language', () => {
    const short = parseReject(form({ sellerId: 's1', reason: '  ok  ' }), 'en');
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.fieldErrors.reason).toBe('Give a reason, 5–500 characters.');
    expect(parseReject(form({ sellerId: 's1', reason: 'x'.repeat(501) }), 'id').ok).toBe(false);
    expect(parseReject(form({ sellerId: 's1', reason: ' Nomor HP tidak ada di daftar. ' }), 'id')).toMatchObject({
      ok: true,
      input: { reason: 'Nomor HP tidak ada di daftar.' }
    });
  });
});

describe('parseKampung', () => {
  const good = { name: 'Karang  Joang', kelurahan: 'Karang Joang', kecamatan: 'Balikpapan Utara', kemendagriCode: '64.71.05.1006', status: 'ACTIVE', description: '' };

  it('tidies and accepts a good kampung', () => {
    expect(parseKampung(form(good), 'id')).toMatchObject({
      ok: true,
      input: { name: 'Karang Joang', status: 'ACTIVE', kemendagriCode: '64.71.05.1006', description: null }
    });
  });

  it('reports every problem at once and keeps what was typed', () => {
    const result = parseKampung(form({ ...good, name: 'K', kemendagriCode: '6471051006', status: 'OPEN', kecamatan: '' }), 'id');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).filter((k) => result.fieldErrors[k as keyof typeof result.fieldErrors]).sort()).toEqual([
      'kecamatan',
      'kemendagriCode',
      'name',
      'status'
    ]);
    expect(result.fieldErrors.kemendagriCode).toBe('Tulis kode Kemendagri seperti 64.71.04.1004.');
    expect(result.values.kemendagriCode).toBe('6471051006');
  });
});

describe('parsePendamping', () => {
  it('takes a phone or an email', () => {
    expect(parsePendamping(form({ identifier: '0812 3456 7890' }), 'id').ok).toBe(true);
    expect(parsePendamping(form({ identifier: 'pendamping@karyaibu.demo' }), 'id').ok).toBe(true);
    expect(parsePendamping(form({ identifier: 'ibu ani' }), 'id').ok).toBe(false);
    expect(parsePendamping(form({ identifier: '' }), 'id').ok).toBe(false);
  });
});

describe('parseTraining', () => {
  const good = {
    title: 'Pelatihan Membatik',
    skill: 'BATIK',
    startDate: '2026-05-04',
    endDate: '2026-05-07',
    budgetIdr: 'Rp 32.000.000',
    participantCount: '60',
    provider: 'Rumah Batik Shaho',
    location: 'Balikpapan',
    description: ''
  };

  it('reads rupiah as typed and counts participants', () => {
    expect(parseTraining(form(good), 'id')).toMatchObject({
      ok: true,
      input: { budgetIdr: '32000000', participantCount: 60, skill: 'BATIK', startDate: '2026-05-04' }
    });
  });

  it('refuses an end before the start, impossible dates, odd budgets and counts', () => {
    const result = parseTraining(
      form({ ...good, endDate: '2026-05-01', budgetIdr: '32 juta', participantCount: '-3', skill: 'SEWING' }),
      'id'
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      endDate: 'Tanggal selesai tidak boleh sebelum tanggal mulai.',
      budgetIdr: 'Tulis anggaran dalam rupiah, mis. 32.000.000.',
      participantCount: 'Jumlah peserta 0–10.000.',
      skill: 'Pilih keterampilan.'
    });
    const badDate = parseTraining(form({ ...good, startDate: '2026-02-30' }), 'id');
    expect(!badDate.ok && badDate.fieldErrors.startDate).toBe('Tanggal tidak valid.');
  });
});
