import { DISPLAY_NAME_LENGTH, normalizeIndonesianPhone, SELLER_STORY_LENGTH, within } from '@karya-ibu/types';
import { t, type Lang } from '$lib/i18n';

/** The seller application form (`applyAsSeller`), checked like the API checks it. */
export type ApplyField = 'kampungId' | 'trainingProgramId' | 'displayName' | 'story' | 'whatsapp';
export type ApplyValues = Record<ApplyField, string>;

export interface ApplyInput {
  kampungId: string;
  trainingProgramId: string | null;
  displayName: string | null;
  story: string;
  whatsapp: string;
}

export const APPLY_API_FIELDS: Partial<Record<string, ApplyField>> = {
  'input.kampungId': 'kampungId',
  'input.trainingProgramId': 'trainingProgramId',
  'input.displayName': 'displayName',
  'input.story': 'story',
  'input.whatsapp': 'whatsapp'
};

/** `+62812…` → `0812…`, the way she writes her number (the account keeps E.164). */
export const localPhone = (e164: string | null): string => (e164?.startsWith('+62') ? `0${e164.slice(3)}` : (e164 ?? ''));

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export function applyValues(form: FormData): ApplyValues {
  return {
    kampungId: text(form, 'kampungId'),
    trainingProgramId: text(form, 'trainingProgramId'),
    displayName: text(form, 'displayName').replace(/\s+/g, ' '),
    story: text(form, 'story'),
    whatsapp: text(form, 'whatsapp')
  };
}

export function validateApply(
  form: FormData,
  lang: Lang
): { ok: true; input: ApplyInput; values: ApplyValues } | { ok: false; fieldErrors: Partial<Record<ApplyField, string>>; values: ApplyValues } {
  const values = applyValues(form);
  const errors: Partial<Record<ApplyField, string>> = {};
  if (!values.kampungId) errors.kampungId = t(lang, 'seller.apply.error.kampung');
  if (values.displayName && !within(values.displayName.length, DISPLAY_NAME_LENGTH)) {
    errors.displayName = t(lang, 'seller.error.length', DISPLAY_NAME_LENGTH);
  }
  if (!within(values.story.length, SELLER_STORY_LENGTH)) {
    errors.story = values.story ? t(lang, 'seller.error.length', SELLER_STORY_LENGTH) : t(lang, 'seller.error.required');
  }
  const whatsapp = normalizeIndonesianPhone(values.whatsapp);
  if (!values.whatsapp) errors.whatsapp = t(lang, 'seller.error.required');
  else if (!whatsapp) errors.whatsapp = t(lang, 'seller.apply.error.whatsapp');
  if (Object.values(errors).some(Boolean)) return { ok: false, fieldErrors: errors, values };
  return {
    ok: true,
    values,
    input: {
      kampungId: values.kampungId,
      trainingProgramId: values.trainingProgramId || null,
      displayName: values.displayName || null,
      story: values.story,
      whatsapp: whatsapp!
    }
  };
}
