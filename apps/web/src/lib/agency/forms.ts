import {
  isCalendarDate,
  KAMPUNG_NAME_LENGTH,
  KampungStatus,
  MAX_TRAINING_BUDGET_IDR,
  REJECTION_REASON_LENGTH,
  TRAINING_DESCRIPTION_MAX_LENGTH,
  TRAINING_PARTICIPANTS,
  TRAINING_PLACE_LENGTH,
  TRAINING_TITLE_LENGTH,
  TrainingSkill,
  within,
  type Bounds
} from '@karya-ibu/types';
import { readRupiahInput, rupiahProblemKey } from '$lib/format/money';
import { t, type Lang } from '$lib/i18n';
import { isIdentifier } from '$lib/server/forms/account';
import { KAMPUNG_DESCRIPTION_MAX_LENGTH } from './limits';

/**
 * Agency forms (queue decisions, kampung, cohorts, pendamping): server-side checks mirroring the
 * API's, so an officer sees every problem at once in her language; the API stays the authority.
 */

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type Parsed<F extends string, V, I> =
  | { ok: true; values: V; input: I }
  | { ok: false; values: V; fieldErrors: FieldErrors<F> };

export const KAMPUNG_STATUSES: readonly KampungStatus[] = [KampungStatus.Active, KampungStatus.Target];
export const SKILLS: readonly TrainingSkill[] = [TrainingSkill.Batik, TrainingSkill.Bag];
export const KEMENDAGRI_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

function done<F extends string, V, I>(fieldErrors: FieldErrors<F>, values: V, input: I): Parsed<F, V, I> {
  return Object.values(fieldErrors).some(Boolean) ? { ok: false, values, fieldErrors } : { ok: true, values, input };
}

function lengthError(lang: Lang, value: string, bounds: Bounds): string | undefined {
  if (value === '') return t(lang, 'agency.error.required');
  if (!within(value.length, bounds)) return t(lang, 'agency.error.length', bounds);
  return undefined;
}

// --- Verification queue ----------------------------------------------------------------------

export type VerifyField = 'trainingProgramId';
export interface VerifyValues {
  sellerId: string;
  trainingProgramId: string;
}

export function parseVerify(form: FormData, lang: Lang): Parsed<VerifyField, VerifyValues, VerifyValues> {
  const values = { sellerId: text(form, 'sellerId'), trainingProgramId: text(form, 'trainingProgramId') };
  return done<VerifyField, VerifyValues, VerifyValues>(
    { trainingProgramId: values.trainingProgramId ? undefined : t(lang, 'agency.error.cohortRequired') },
    values,
    values
  );
}

export type RejectField = 'reason';
export interface RejectValues {
  sellerId: string;
  reason: string;
}

export function parseReject(form: FormData, lang: Lang): Parsed<RejectField, RejectValues, RejectValues> {
  const values = { sellerId: text(form, 'sellerId'), reason: text(form, 'reason') };
  const reason = values.reason.replace(/\s+/g, ' ');
  const error = within(reason.length, REJECTION_REASON_LENGTH) ? undefined : t(lang, 'agency.error.reasonLength', REJECTION_REASON_LENGTH);
  return done<RejectField, RejectValues, RejectValues>({ reason: error }, values, { ...values, reason: values.reason });
}

// --- Kampung KB --------------------------------------------------------------------------------

export type KampungField = 'name' | 'kelurahan' | 'kecamatan' | 'kemendagriCode' | 'status' | 'description';
export type KampungValues = Record<KampungField, string>;
export interface KampungInputValues {
  name: string;
  kelurahan: string;
  kecamatan: string;
  kemendagriCode: string;
  status: KampungStatus;
  description: string | null;
}

/** API field → form field, for `submit` ($lib/server/forms/result). */
export const KAMPUNG_API_FIELDS: Partial<Record<string, KampungField>> = {
  'input.name': 'name',
  'input.kelurahan': 'kelurahan',
  'input.kecamatan': 'kecamatan',
  'input.kemendagriCode': 'kemendagriCode',
  'input.status': 'status',
  'input.description': 'description'
};

export function parseKampung(form: FormData, lang: Lang): Parsed<KampungField, KampungValues, KampungInputValues> {
  const values: KampungValues = {
    name: text(form, 'name').replace(/\s+/g, ' '),
    kelurahan: text(form, 'kelurahan').replace(/\s+/g, ' '),
    kecamatan: text(form, 'kecamatan').replace(/\s+/g, ' '),
    kemendagriCode: text(form, 'kemendagriCode').replace(/\s+/g, ''),
    status: text(form, 'status'),
    description: text(form, 'description')
  };
  const errors: FieldErrors<KampungField> = {
    name: lengthError(lang, values.name, KAMPUNG_NAME_LENGTH),
    kelurahan: lengthError(lang, values.kelurahan, KAMPUNG_NAME_LENGTH),
    kecamatan: lengthError(lang, values.kecamatan, KAMPUNG_NAME_LENGTH)
  };
  if (values.kemendagriCode === '') errors.kemendagriCode = t(lang, 'agency.error.required');
  else if (!KEMENDAGRI_CODE.test(values.kemendagriCode)) errors.kemendagriCode = t(lang, 'agency.error.codeFormat');
  const status = KAMPUNG_STATUSES.find((s) => s === values.status);
  if (!status) errors.status = t(lang, 'agency.error.status');
  if (values.description.length > KAMPUNG_DESCRIPTION_MAX_LENGTH) {
    errors.description = t(lang, 'agency.error.length', { min: 0, max: KAMPUNG_DESCRIPTION_MAX_LENGTH });
  }
  return done(errors, values, {
    name: values.name,
    kelurahan: values.kelurahan,
    kecamatan: values.kecamatan,
    kemendagriCode: values.kemendagriCode,
    status: status ?? KampungStatus.Target,
    description: values.description || null
  });
}

export type PendampingField = 'identifier';

export function parsePendamping(
  form: FormData,
  lang: Lang
): Parsed<PendampingField, { identifier: string }, { identifier: string }> {
  const values = { identifier: text(form, 'identifier') };
  let error: string | undefined;
  if (values.identifier === '') error = t(lang, 'agency.error.required');
  else if (!isIdentifier(values.identifier)) error = t(lang, 'agency.error.identifier');
  return done<PendampingField, { identifier: string }, { identifier: string }>({ identifier: error }, values, values);
}

// --- Training cohorts --------------------------------------------------------------------------

export type TrainingField =
  | 'title'
  | 'skill'
  | 'startDate'
  | 'endDate'
  | 'budgetIdr'
  | 'participantCount'
  | 'provider'
  | 'location'
  | 'description';
export type TrainingValues = Record<TrainingField, string>;
export interface TrainingInputValues {
  title: string;
  skill: TrainingSkill;
  startDate: string;
  endDate: string;
  /** Whole rupiah as a decimal string (the API's Rupiah scalar). */
  budgetIdr: string;
  participantCount: number;
  provider: string;
  location: string;
  description: string;
}

export const TRAINING_API_FIELDS: Partial<Record<string, TrainingField>> = {
  'input.title': 'title',
  'input.skill': 'skill',
  'input.startDate': 'startDate',
  'input.endDate': 'endDate',
  'input.budgetIdr': 'budgetIdr',
  'input.participantCount': 'participantCount',
  'input.provider': 'provider',
  'input.location': 'location',
  'input.description': 'description'
};

export function parseTraining(form: FormData, lang: Lang): Parsed<TrainingField, TrainingValues, TrainingInputValues> {
  const values: TrainingValues = {
    title: text(form, 'title').replace(/\s+/g, ' '),
    skill: text(form, 'skill'),
    startDate: text(form, 'startDate'),
    endDate: text(form, 'endDate'),
    budgetIdr: text(form, 'budgetIdr'),
    participantCount: text(form, 'participantCount'),
    provider: text(form, 'provider').replace(/\s+/g, ' '),
    location: text(form, 'location').replace(/\s+/g, ' '),
    description: text(form, 'description')
  };
  const errors: FieldErrors<TrainingField> = {
    title: lengthError(lang, values.title, TRAINING_TITLE_LENGTH),
    provider: lengthError(lang, values.provider, TRAINING_PLACE_LENGTH),
    location: lengthError(lang, values.location, TRAINING_PLACE_LENGTH)
  };
  const skill = SKILLS.find((s) => s === values.skill);
  if (!skill) errors.skill = t(lang, 'agency.error.skill');
  for (const field of ['startDate', 'endDate'] as const) {
    if (values[field] === '') errors[field] = t(lang, 'agency.error.required');
    else if (!isCalendarDate(values[field])) errors[field] = t(lang, 'agency.error.date');
  }
  if (!errors.startDate && !errors.endDate && values.endDate < values.startDate) {
    errors.endDate = t(lang, 'agency.error.endBeforeStart');
  }
  const read = readRupiahInput(values.budgetIdr);
  const budget = 'value' in read ? read.value : null;
  if (values.budgetIdr === '') errors.budgetIdr = t(lang, 'agency.error.required');
  else if ('problem' in read) errors.budgetIdr = t(lang, rupiahProblemKey(read.problem) ?? 'agency.error.budget');
  else if (read.value > MAX_TRAINING_BUDGET_IDR) errors.budgetIdr = t(lang, 'agency.error.budget');
  const participants = /^\d{1,5}$/.test(values.participantCount) ? Number(values.participantCount) : NaN;
  if (values.participantCount === '') errors.participantCount = t(lang, 'agency.error.required');
  else if (!within(participants, TRAINING_PARTICIPANTS)) errors.participantCount = t(lang, 'agency.error.participants');
  if (values.description.length > TRAINING_DESCRIPTION_MAX_LENGTH) {
    errors.description = t(lang, 'agency.error.length', { min: 0, max: TRAINING_DESCRIPTION_MAX_LENGTH });
  }
  return done(errors, values, {
    title: values.title,
    skill: skill ?? TrainingSkill.Batik,
    startDate: values.startDate,
    endDate: values.endDate,
    budgetIdr: String(budget ?? 0n),
    participantCount: participants,
    provider: values.provider,
    location: values.location,
    description: values.description
  });
}
