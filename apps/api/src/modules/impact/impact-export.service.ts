import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context.js';
import { InvalidInputError } from '../../common/errors/error-result.js';
import { userError } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { JobQueue } from '../../infra/jobs/job-queue.js';
import { ObjectStorage } from '../../infra/storage/object-storage.js';
import { Role } from '../accounts/models/role.enum.js';
import type { ImpactFilterInput } from './dto/impact-filter.input.js';
import { ImpactRepository } from './impact.repository.js';
import { ImpactService, type Selection } from './impact.service.js';
import { ExportFormat, ExportStatus } from './models/impact.enums.js';
import { toImpactExportModel, type ImpactExport } from './models/impact-records.model.js';
import type { ReportDocument } from './report-files.js';

const MAKE_EXPORT = 'impact.export';
const DOWNLOAD_URL_SECONDS = 10 * 60;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  [ExportFormat.CSV]: 'text/csv; charset=utf-8',
  [ExportFormat.XLSX]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ExportFormat.PDF]: 'application/pdf',
};

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Report files made by a job (progress in the export's row, polled by the page), stored privately
 * and fetched through a presigned link only by the officer who asked. Each export is also the log
 * line of who exported what, when, with which filter and whether with names.
 */
@Injectable()
export class ImpactExportService implements OnModuleInit {
  private readonly logger = new Logger('ImpactExports');

  constructor(
    private readonly repository: ImpactRepository,
    private readonly impact: ImpactService,
    private readonly jobs: JobQueue,
    private readonly storage: ObjectStorage,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ exportId: string }>(MAKE_EXPORT, (ctx, { exportId }) => this.make(ctx, exportId), {
      actor: 'impact-job',
      expireInSeconds: 300,
      retryLimit: 2,
      retryDelaySeconds: 5,
      onGiveUp: async (ctx, { exportId }) => {
        await this.repository.updateExport(ctx, exportId, { status: ExportStatus.FAILED, failureReason: 'Laporan gagal dibuat; coba lagi. (The report could not be made.)', finishedAt: new Date() });
      },
    });
  }

  async requestImpactExport(ctx: RequestContext, filter: ImpactFilterInput, format: ExportFormat, withNames: boolean): Promise<ImpactExport | InvalidInputError> {
    // The filter is checked now, so a bad one is answered at once rather than by a failed job.
    try {
      await this.impact.select(ctx, filter, null);
    } catch (error) {
      const field = (error as { extensions?: { field?: string } }).extensions?.field;
      if (field) return new InvalidInputError(field, 'BAD_FORMAT', (error as Error).message);
      throw error;
    }
    const person = ctx.person;
    const row = await this.repository.saveExport(ctx, {
      requestedByUserId: person.userId,
      requestedByName: person.displayName,
      format,
      filter: Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, value ?? null])),
      withNames,
    });
    await this.jobs.send(ctx, MAKE_EXPORT, { exportId: row.id });
    return toImpactExportModel(row);
  }

  /** Her own exports; an admin sees anyone's. */
  async impactExport(ctx: RequestContext, id: string): Promise<ImpactExport> {
    const row = isUuid(id) ? await this.repository.findExport(ctx, id) : null;
    if (!row || (row.requestedByUserId !== ctx.person.userId && !ctx.hasRole(Role.ADMIN))) throw userError('NOT_FOUND', 'Laporan tidak ditemukan. (Export not found.)');
    return toImpactExportModel(row);
  }

  /** The log: latest exports, who asked, with which filter. */
  async impactExports(ctx: RequestContext, first: number): Promise<ImpactExport[]> {
    return (await this.repository.recentExports(ctx, Math.min(Math.max(first, 1), 200))).map(toImpactExportModel);
  }

  /** A link for the requester only, while it is READY. */
  async downloadUrl(ctx: RequestContext, exported: ImpactExport): Promise<string | null> {
    if (exported.status !== ExportStatus.READY || !exported.fileKey || !exported.fileName) return null;
    if (exported.requestedByUserId !== ctx.personOrNull?.userId) return null;
    return this.storage.presignedGetUrl(exported.fileKey, DOWNLOAD_URL_SECONDS, exported.fileName);
  }

  /** The job: computes the report, renders the file, stores it; progress on the way. */
  async make(ctx: RequestContext, exportId: string): Promise<void> {
    const row = await this.repository.findExport(ctx, exportId);
    if (!row || row.status === ExportStatus.READY) return;
    await this.repository.updateExport(ctx, row.id, { status: ExportStatus.RUNNING, progress: 10 });
    const selection = await this.impact.select(ctx, row.filter, null);
    const report = await this.impact.reportOf(ctx, selection);
    await this.repository.updateExport(ctx, row.id, { progress: 50 });
    const doc: ReportDocument = { report, scope: scopeOf(selection), withNames: row.withNames, generatedAt: new Date() };
    // exceljs and pdfkit load with the first report file, not with every API process.
    const { renderCsv, renderPdf, renderXlsx } = await import('./report-files.js');
    const body = row.format === ExportFormat.PDF ? await renderPdf(doc) : row.format === ExportFormat.XLSX ? await renderXlsx(doc) : renderCsv(doc);
    await this.repository.updateExport(ctx, row.id, { progress: 85 });
    const fileName = `laporan-dampak-${slug(doc.scope.map(([, v]) => v).join('-')) || 'semua'}-${report.period.from}-${report.period.to}.${row.format.toLowerCase()}`;
    const key = `exports/${row.id}/${fileName}`;
    await this.storage.put(key, body, CONTENT_TYPES[row.format], 'private, no-store');
    await this.repository.updateExport(ctx, row.id, { status: ExportStatus.READY, progress: 100, fileKey: key, fileName, byteSize: body.length, finishedAt: new Date() });
    this.logger.log(`export ${row.id} (${row.format}, ${row.withNames ? 'with names' : 'aggregates'}) for ${row.requestedByName}: ${body.length} bytes`);
  }
}

/** What the report is about, in words for its title block. */
export function scopeOf(selection: Selection): [string, string][] {
  const { filter, set, groupMembers } = selection;
  const scope: [string, string][] = [];
  const program = set.programs.find((p) => p.id === filter.trainingProgramId);
  scope.push(['Pelatihan', program ? program.title : 'Semua pelatihan (setiap peserta dihitung sekali, dari pelatihan pertamanya)']);
  if (filter.kampungId) scope.push(['Kampung KB', set.kampungs.get(filter.kampungId)?.name ?? '—']);
  if (filter.kecamatan) scope.push(['Kecamatan', filter.kecamatan]);
  if (filter.uppkaGroupId) scope.push(['Kelompok UPPKA', groupMembers.get(filter.uppkaGroupId)?.name ?? '—']);
  return scope;
}
