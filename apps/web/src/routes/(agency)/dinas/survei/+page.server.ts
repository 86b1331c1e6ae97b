import { fail } from '@sveltejs/kit';
import { ImpactRecordSurveyAnswerDocument, ImpactSurveyTasksDocument, parseRupiahInput } from '@karya-ibu/types';
import { t } from '$lib/i18n';
import { redirectWithFlash, takeFlash } from '$lib/server/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

/** The follow-up surveys due in her kampung KB (all of them for officers), each with its answer form. */
export const load: PageServerLoad = async (event) => {
  const { surveyTasks } = await query(event.fetch, ImpactSurveyTasksDocument, { status: 'OPEN' }, caller(event));
  return { tasks: surveyTasks, flash: takeFlash(event.cookies) };
};

export const actions: Actions = {
  answer: async (event) => {
    requireAgency(event);
    const form = await event.request.formData();
    const taskId = String(form.get('taskId') ?? '');
    const income = parseRupiahInput(String(form.get('income') ?? ''));
    if (income === null) return fail(400, { taskId, error: t(event.locals.lang, 'impact.survey.invalid') });
    const { recordSurveyAnswer: result } = await query(event.fetch, ImpactRecordSurveyAnswerDocument, { input: { taskId, monthlyIncomeIdr: String(income) } }, caller(event));
    if (result.__typename !== 'SurveyTask') return fail(400, { taskId, error: t(event.locals.lang, 'impact.survey.invalid') });
    redirectWithFlash(event, { key: 'agency.flash.surveySaved', params: { name: result.participantName } });
  }
};
