import { describe, expect, it } from 'vitest';
import { filterQuery, formatMonth, formatRate, readFilters, shortRupiah, toApiFilter } from './filters';

const id = '3f2c8a4e-1b2d-4c5e-8f90-123456789abc';

describe('impact filters in the URL', () => {
  it('reads what is well formed and drops the rest', () => {
    const filters = readFilters(new URLSearchParams({ pelatihan: id, kampung: 'teritip', dari: '2026-04', sampai: '2026-13', kecamatan: ' Balikpapan Timur ' }));
    expect(filters).toEqual({ pelatihan: id, kampung: '', kecamatan: 'Balikpapan Timur', uppka: '', dari: '2026-04', sampai: '' });
  });

  it('gives the API first days of months and leaves empty fields out', () => {
    expect(toApiFilter({ pelatihan: id, kampung: '', kecamatan: '', uppka: '', dari: '2026-04', sampai: '2026-11' })).toEqual({ trainingProgramId: id, from: '2026-04-01', to: '2026-11-01' });
  });

  it('keeps the filters in links', () => {
    expect(filterQuery({ pelatihan: id, kampung: '', kecamatan: '', uppka: '', dari: '2026-04', sampai: '' }, { nama: '1' })).toBe(`?pelatihan=${id}&dari=2026-04&nama=1`);
    expect(filterQuery({ pelatihan: '', kampung: '', kecamatan: '', uppka: '', dari: '', sampai: '' })).toBe('');
  });
});

describe('impact formats', () => {
  it('names months in both languages', () => {
    expect(formatMonth('2026-08', 'id')).toBe('Agu 2026');
    expect(formatMonth('2026-08', 'id', 'long')).toBe('Agustus 2026');
    expect(formatMonth('2026-08', 'en')).toBe('Aug 2026');
  });

  it('writes shares and compact amounts', () => {
    expect(formatRate(0.4286, 'id')).toBe('43%');
    expect(formatRate(null, 'id')).toBe('—');
    expect(shortRupiah(350_000, 'id')).toBe('350 rb');
    expect(shortRupiah(1_250_000, 'id')).toBe('1,3 jt');
    expect(shortRupiah(1_250_000, 'en')).toBe('1.3m');
  });
});
