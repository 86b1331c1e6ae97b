import { Controller, ForbiddenException, Get, Header, NotFoundException, Param, Req, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../common/context/request-context.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Role } from '../accounts/models/role.enum.js';
import { PayoutsService } from './payouts.service.js';

/** The bank transfer file of a run, for ADMIN and FINANCE, with the same bearer token as GraphQL. */
@Controller('payouts')
export class PayoutsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly payouts: PayoutsService,
  ) {}

  @Get(':file')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async bankFile(@Param('file') file: string, @Req() req: { headers: Record<string, string | string[] | undefined>; requestId?: string; res: { setHeader(name: string, value: string): void } }): Promise<string> {
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    const anonymous = RequestContext.forRequest(req.requestId ?? randomUUID(), null);
    const person = token ? await this.accounts.personForToken(anonymous, token) : null;
    if (!person) throw new UnauthorizedException('Silakan masuk terlebih dahulu. (Sign in first.)');
    const ctx = RequestContext.forRequest(anonymous.requestId, person);
    if (!ctx.hasRole(Role.ADMIN, Role.FINANCE)) throw new ForbiddenException('Hanya admin atau bagian keuangan. (ADMIN or FINANCE only.)');
    const runId = /^(.+)\.csv$/.exec(file)?.[1] ?? '';
    const csv = await this.payouts.bankFile(ctx, runId);
    if (csv === null) throw new NotFoundException('Pencairan tidak ditemukan. (Payout run not found.)');
    req.res.setHeader('Content-Disposition', `attachment; filename="karya-ibu-pencairan-${runId}.csv"`);
    return csv;
  }
}
