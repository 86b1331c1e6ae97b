import { error, fail } from '@sveltejs/kit';
import {
  AgencyImportRosterDocument,
  AgencyTrainingProgramsWithRosterDocument,
  AgencyUpdateTrainingProgramDocument,
  MAX_ROSTER_CSV_CHARS
} from '@karya-ibu/types';
import { parseTraining, TRAINING_API_FIELDS, type FieldErrors, type TrainingField } from '$lib/agency/forms';
import { countOutcomes, type RosterReport } from '$lib/agency/roster';
import { t } from '$lib/i18n';
import { redirectWithFlash, takeFlash } from '$lib/server/flash';
import { requireAgency } from '$lib/server/agency/guard';
import { query } from '$lib/server/api/client';
import { errorResultMessage, isFailure, submit } from '$lib/server/forms/result';
import { caller } from '$lib/server/session';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The API has no `trainingProgram(id)`: a city has a handful of cohorts, so pick from the list.
async function findProgram(event: RequestEvent | Parameters<PageServerLoad>[0]) {
  const { trainingPrograms } = await query(event.fetch, AgencyTrainingProgramsWithRosterDocument, {}, caller(event));
  const program = trainingPrograms.find((p) => p.id === event.params.id);
  if (!program) error(404, t(event.locals.lang, 'error.notFound'));
  return program;
}

export const load: PageServerLoad = async (event) => {
  const { roster, ...program } = await findProgram(event);
  return { program, roster, flash: takeFlash(event.cookies) };
};

/**
 * Preview (dryRun) or import. With JavaScript the page sends the file in chunks of 200 rows
 * (`chunk=1`, answered without echoing the CSV); without it the whole file comes as one upload, the
 * preview sends the CSV back in the page so the "Import" form can post it again, and the import
 * redirects to the cohort with its counts (the preview showed each line), so a reload posts nothing.
 */
async function importRoster(event: RequestEvent, dryRun: boolean) {
  requireAgency(event);
  const { locals } = event;
  const form = await event.request.formData();
  const file = form.get('file');
  const csv = file instanceof File ? await file.text() : String(form.get('csv') ?? '');
  const fromBrowserChunks = form.get('chunk') === '1';
  const mode = dryRun ? ('preview' as const) : ('import' as const);
  if (csv.trim() === '') return fail(400, { importError: t(locals.lang, 'agency.import.noFile'), mode });
  if (csv.length > MAX_ROSTER_CSV_CHARS) return fail(400, { importError: t(locals.lang, 'agency.import.tooLarge'), mode });

  const result = await submit(event, query(event.fetch, AgencyImportRosterDocument, { trainingProgramId: event.params.id, csv, dryRun }, caller(event)).then((data) => data.importRoster), {
    values: { mode }
  });
  // Told above the import form (and to the browser's chunked upload), apart from the cohort form's failures.
  if (isFailure(result)) return fail(result.status, { importError: result.data.formError, mode });
  const rows = result.rows.map((row) => ({
    ...row,
    errors: row.errors.map((problem) => ({ field: problem.field, message: errorResultMessage(locals.lang, problem) }))
  }));
  const report: RosterReport = { applied: result.applied, rows, counts: countOutcomes(rows) };
  if (report.applied && !fromBrowserChunks) {
    const { NEW, UPDATED, UNCHANGED, INVALID } = report.counts;
    redirectWithFlash(event, { key: 'agency.flash.rosterImported', params: { new: String(NEW), updated: String(UPDATED), unchanged: String(UNCHANGED), invalid: String(INVALID) } }, `/dinas/pelatihan/${event.params.id}`);
  }
  return { roster: { mode, report, csv: fromBrowserChunks || !dryRun ? null : csv } };
}

export const actions: Actions = {
  save: async (event) => {
    requireAgency(event);
    const { locals } = event;
    const program = await findProgram(event);
    const parsed = parseTraining(await event.request.formData(), locals.lang);
    if (!parsed.ok) {
      return fail(400, { fieldErrors: parsed.fieldErrors as FieldErrors<TrainingField>, formError: undefined, values: parsed.values });
    }
    const saved = await submit(event, query(event.fetch, AgencyUpdateTrainingProgramDocument, { id: program.id, input: parsed.input }, caller(event)).then((data) => data.updateTrainingProgram), {
      fields: TRAINING_API_FIELDS,
      values: parsed.values
    });
    if (isFailure(saved)) return saved;
    redirectWithFlash(event, { key: 'agency.flash.trainingSaved', params: { name: saved.title } }, `/dinas/pelatihan/${program.id}`);
  },
  preview: (event) => importRoster(event, true),
  import: (event) => importRoster(event, false)
};
