import { t, type Lang } from '$lib/i18n';
import { normalizeIndonesianPhone } from '$lib/server/forms/account';

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
  if (values.displayName && (values.displayName.length < 2 || values.displayName.length > 80)) {
    errors.displayName = t(lang, 'seller.error.length', { min: 2, max: 80 });
  }
  if (values.story.length < 10 || values.story.length > 1000) {
    errors.story = values.story ? t(lang, 'seller.error.length', { min: 10, max: 1000 }) : t(lang, 'seller.error.required');
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
