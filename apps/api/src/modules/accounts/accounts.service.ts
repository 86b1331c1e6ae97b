import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import type { Person, RequestContext } from '../../common/context/request-context.js';
import { TransactionalConnection } from '../../common/context/transactional-connection.js';
import { AlreadyExistsError, InvalidInputError, lengthError, type Success } from '../../common/errors/error-result.js';
import { OutboxChannel } from '../notifications/models/outbox-channel.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AccountLimits } from './account-limits.js';
import { AccountRepository } from './account.repository.js';
import type { RegisterInput } from './dto/register.input.js';
import type { UserEntity } from './entities/user.entity.js';
import { DISPLAY_NAME_LENGTH, normalizeEmail, normalizeIndonesianPhone, PASSWORD_LENGTH, RESET_CODE_LENGTH } from '@karya-ibu/types/rules';
import { InvalidCredentialsError, InvalidResetCodeError, type LoginResult, type RegisterResult, type RequestPasswordResetResult, type ResetPasswordResult } from './accounts.errors.js';
import { parseIdentifier } from './identifiers.js';
import { toMeModel, type AuthSession, type Me } from './models/me.model.js';
import { Role } from './models/role.enum.js';
import { hashPassword } from './passwords.js';

const SESSION_DAYS = 30;
const RESET_CODE_MINUTES = 15;
const RESET_CODE_ATTEMPTS = 5;
const MAX_PASSWORD = PASSWORD_LENGTH.max;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// Verified against when no account matches, so a wrong identifier costs as long as a wrong password.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly notifications: NotificationsService,
    private readonly limits: AccountLimits,
    private readonly db: TransactionalConnection,
  ) {}

  /** The account and its first session commit together. */
  async register(ctx: RequestContext, input: RegisterInput, address: string): Promise<typeof RegisterResult> {
    const displayName = input.displayName.trim();
    const nameError = lengthError('input.displayName', displayName, DISPLAY_NAME_LENGTH);
    if (nameError) return nameError;
    const phone = input.phone?.trim() ? normalizeIndonesianPhone(input.phone) : null;
    if (input.phone?.trim() && !phone) return new InvalidInputError('input.phone', 'BAD_FORMAT', 'input.phone: not an Indonesian mobile number');
    const email = input.email?.trim() ? normalizeEmail(input.email) : null;
    if (input.email?.trim() && !email) return new InvalidInputError('input.email', 'BAD_FORMAT', 'input.email: not a valid email address');
    if (!phone && !email) return new InvalidInputError('input.phone', 'REQUIRED', 'input.phone: give a phone number or an email');
    const passwordError = lengthError('input.password', input.password, PASSWORD_LENGTH);
    if (passwordError) return passwordError;
    // Counted once the form is well filled in (typos are free), before telling whether the phone/email is taken.
    await this.limits.registration(address);

    for (const identifier of [phone && ({ kind: 'phone', value: phone } as const), email && ({ kind: 'email', value: email } as const)]) {
      if (identifier && (await this.accounts.findUserByIdentifier(ctx, identifier))) {
        return new AlreadyExistsError(identifier.kind === 'phone' ? 'input.phone' : 'input.email', `An account already uses this ${identifier.kind}: sign in`);
      }
    }
    // Hashed before the transaction: argon2's tens of milliseconds must not hold a pooled connection.
    const passwordHash = await hashPassword(input.password);
    return this.db.withTransaction(ctx, async (ctx) => {
      // Two registrations racing for the same phone/email: the unique index decides.
      const user = await this.accounts.insertUser(ctx, { displayName, phone, email, passwordHash, roles: [Role.BUYER] }).catch((error: { code?: string }) => {
        if (error.code === '23505') return null;
        throw error;
      });
      if (!user) return new AlreadyExistsError(phone ? 'input.phone' : 'input.email', 'An account already uses this phone/email: sign in');
      return this.startSession(ctx, user);
    });
  }

  /** Signs in; a session the caller already had is replaced (rotated), not kept beside the new one. */
  async login(ctx: RequestContext, identifierText: string, password: string, address: string): Promise<typeof LoginResult> {
    const identifier = parseIdentifier(identifierText);
    const attempt = await this.limits.signInStarted(address, identifier?.value ?? null);
    const user = identifier ? await this.accounts.findUserByIdentifier(ctx, identifier) : null;
    const matches = await verify(user?.passwordHash ?? (await DUMMY_HASH), password.slice(0, MAX_PASSWORD));
    if (!user || !matches) {
      await this.limits.signInFailed(attempt);
      return new InvalidCredentialsError();
    }
    await this.limits.signInSucceeded(attempt);
    const current = ctx.personOrNull;
    // Only the session swap is one transaction: the password check above holds no connection.
    return this.db.withTransaction(ctx, async (ctx) => {
      if (current) await this.accounts.revokeSession(ctx, current.sessionId);
      return this.startSession(ctx, user);
    });
  }

  async logout(ctx: RequestContext): Promise<boolean> {
    await this.accounts.revokeSession(ctx, ctx.person.sessionId);
    return true;
  }

  /** The signed-in account; null when anonymous. */
  async me(ctx: RequestContext): Promise<Me | null> {
    const person = ctx.personOrNull;
    const user = person && (await this.accounts.findUserById(ctx, person.userId));
    return user ? toMeModel(user) : null;
  }

  /** The person behind a bearer token, or null when the token is unknown, expired or revoked. */
  async personForToken(ctx: RequestContext, token: string): Promise<Person | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const found = await this.accounts.findLiveSession(ctx, sha256(token));
    return found ? { kind: 'person', userId: found.user.id, sessionId: found.session.id, displayName: found.user.displayName, roles: new Set(found.user.roles) } : null;
  }

  /** The account a person is known by (phone or email), for officers assigning roles. */
  async findUserIdByIdentifier(ctx: RequestContext, identifierText: string): Promise<string | null> {
    const identifier = parseIdentifier(identifierText);
    return identifier ? ((await this.accounts.findUserByIdentifier(ctx, identifier))?.id ?? null) : null;
  }

  /** Name and contact of accounts, for officers' lists. */
  async summariesByIds(ctx: RequestContext, userIds: readonly string[]): Promise<Map<string, { displayName: string; phone: string | null; email: string | null }>> {
    const users = await this.accounts.findUsersByIds(ctx, userIds);
    return new Map(users.map((user) => [user.id, { displayName: user.displayName, phone: user.phone, email: user.email }]));
  }

  /** Adds a role in the caller's transaction (no-op when she has it). */
  grantRole(ctx: RequestContext, userId: string, role: Role): Promise<void> {
    return this.accounts.addRole(ctx, userId, role);
  }

  /** Always answers success: whether an account exists is not told. The code and its message commit together. */
  async requestPasswordReset(ctx: RequestContext, identifierText: string, address: string): Promise<typeof RequestPasswordResetResult> {
    await this.limits.resetRequestFrom(address);
    const identifier = parseIdentifier(identifierText);
    if (!identifier) return new InvalidInputError('identifier', identifierText.trim() ? 'BAD_FORMAT' : 'REQUIRED', 'identifier: give a phone number or an email');
    // Counted for unknown accounts too, so the limit does not tell which exist.
    await this.limits.resetRequestFor(address, identifier.value);
    const sent: Success = { success: true };
    const user = await this.accounts.findUserByIdentifier(ctx, identifier);
    if (!user) return sent;
    const code = String(randomInt(0, 10 ** RESET_CODE_LENGTH)).padStart(RESET_CODE_LENGTH, '0');
    await this.accounts.insertPasswordReset(ctx, { userId: user.id, codeHash: sha256(`${user.id}:${code}`), expiresAt: minutesFromNow(RESET_CODE_MINUTES) });
    await this.notifications.enqueue(ctx, {
      channel: identifier.kind === 'phone' ? OutboxChannel.SMS : OutboxChannel.EMAIL,
      recipient: identifier.value,
      body: `Karya Ibu: kode untuk mengganti kata sandi Anda ${code}. Berlaku ${RESET_CODE_MINUTES} menit. Jangan berikan kode ini kepada siapa pun.`,
    });
    return sent;
  }

  /**
   * Sets a new password with a valid code, ends every other session and signs in, in one transaction
   * of its own: a wrong code's attempt is counted (committed) even though the call then fails, so
   * this runs outside any caller's transaction (its resolver declares none), and the transaction
   * answers null, not the error result, which would roll the count back.
   */
  async resetPassword(ctx: RequestContext, identifierText: string, code: string, newPassword: string): Promise<typeof ResetPasswordResult> {
    const passwordError = lengthError('newPassword', newPassword, PASSWORD_LENGTH);
    if (passwordError) return passwordError;
    const identifier = parseIdentifier(identifierText);
    const user = identifier ? await this.accounts.findUserByIdentifier(ctx, identifier) : null;
    if (!user) return new InvalidResetCodeError();
    const passwordHash = await hashPassword(newPassword);
    const session = await this.db.withTransaction(ctx, async (ctx) => {
      const reset = await this.accounts.findOpenResetForUpdate(ctx, user.id);
      if (!reset || reset.attempts >= RESET_CODE_ATTEMPTS) return null;
      if (reset.codeHash !== sha256(`${user.id}:${code.trim()}`)) {
        reset.attempts++;
        await this.accounts.saveReset(ctx, reset);
        return null;
      }
      reset.usedAt = new Date();
      await this.accounts.saveReset(ctx, reset);
      await this.accounts.updatePasswordHash(ctx, user.id, passwordHash);
      await this.accounts.revokeAllSessions(ctx, user.id);
      return this.startSession(ctx, user);
    });
    return session ?? new InvalidResetCodeError();
  }

  private async startSession(ctx: RequestContext, user: UserEntity): Promise<AuthSession> {
    const token = randomBytes(32).toString('base64url');
    const session = await this.accounts.insertSession(ctx, { userId: user.id, tokenHash: sha256(token), expiresAt: minutesFromNow(SESSION_DAYS * 24 * 60) });
    return { token, expiresAt: session.expiresAt, me: toMeModel(user) };
  }
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

