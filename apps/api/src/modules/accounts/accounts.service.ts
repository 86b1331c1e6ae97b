import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, userError } from '../../common/errors/user-errors.js';
import { OutboxChannel } from '../notifications/models/outbox-channel.enum.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AccountLimits } from './account-limits.js';
import { AccountRepository } from './account.repository.js';
import type { RegisterInput } from './dto/register.input.js';
import type { UserEntity } from './entities/user.entity.js';
import { DISPLAY_NAME_LENGTH, normalizeEmail, normalizeIndonesianPhone, PASSWORD_LENGTH, RESET_CODE_LENGTH, within } from '@karya-ibu/types/rules';
import { parseIdentifier } from './identifiers.js';
import { toMeModel, type AuthSession, type Me } from './models/me.model.js';
import { Role } from './models/role.enum.js';

const SESSION_DAYS = 30;
const RESET_CODE_MINUTES = 15;
const RESET_CODE_ATTEMPTS = 5;
const { min: MIN_PASSWORD, max: MAX_PASSWORD } = PASSWORD_LENGTH;
const WRONG_CREDENTIALS = 'Nomor HP/email atau kata sandi salah. (Wrong phone/email or password.)';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashPassword = (password: string) => hash(password, { algorithm: Algorithm.Argon2id });
// Verified against when no account matches, so a wrong identifier costs as long as a wrong password.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly notifications: NotificationsService,
    private readonly limits: AccountLimits,
    private readonly dataSource: DataSource,
  ) {}

  async register(input: RegisterInput, address: string): Promise<AuthSession> {
    const displayName = input.displayName.trim();
    if (!within(displayName.length, DISPLAY_NAME_LENGTH)) throw badInput('input.displayName', `Nama ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} huruf. (Name must be ${DISPLAY_NAME_LENGTH.min}–${DISPLAY_NAME_LENGTH.max} characters.)`);
    const phone = input.phone?.trim() ? normalizeIndonesianPhone(input.phone) : null;
    if (input.phone?.trim() && !phone) throw badInput('input.phone', 'Nomor HP Indonesia, mis. 0812 3456 7890. (An Indonesian mobile number.)');
    const email = input.email?.trim() ? normalizeEmail(input.email) : null;
    if (input.email?.trim() && !email) throw badInput('input.email', 'Alamat email tidak valid. (Not a valid email address.)');
    if (!phone && !email) throw badInput('input.phone', 'Isi nomor HP atau email. (Give a phone number or an email.)');
    assertPassword('input.password', input.password);
    // Counted once the form is well filled in (typos are free), before telling whether the phone/email is taken.
    await this.limits.registration(address);

    for (const identifier of [phone && ({ kind: 'phone', value: phone } as const), email && ({ kind: 'email', value: email } as const)]) {
      if (identifier && (await this.accounts.findUserByIdentifier(identifier))) {
        throw userError('CONFLICT', 'Sudah ada akun dengan nomor/email ini. Silakan masuk. (An account already uses this phone/email: sign in.)', {
          field: identifier.kind === 'phone' ? 'input.phone' : 'input.email',
        });
      }
    }
    const user = await this.accounts
      .insertUser({ displayName, phone, email, passwordHash: await hashPassword(input.password), roles: [Role.BUYER] })
      .catch((error: { code?: string }) => {
        // Two registrations racing for the same phone/email: the unique index decides.
        if (error.code === '23505') throw userError('CONFLICT', 'Sudah ada akun dengan nomor/email ini. (An account already uses this phone/email.)');
        throw error;
      });
    return this.startSession(user);
  }

  /** Signs in; a session the caller already had is replaced (rotated), not kept beside the new one. */
  async login(identifierText: string, password: string, address: string, current: Actor | null): Promise<AuthSession> {
    const identifier = parseIdentifier(identifierText);
    const attempt = await this.limits.signInStarted(address, identifier?.value ?? null);
    const user = identifier ? await this.accounts.findUserByIdentifier(identifier) : null;
    const matches = await verify(user?.passwordHash ?? (await DUMMY_HASH), password.slice(0, MAX_PASSWORD));
    if (!user || !matches) {
      await this.limits.signInFailed(attempt);
      throw userError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    await this.limits.signInSucceeded(attempt);
    if (current) await this.accounts.revokeSession(current.sessionId);
    return this.startSession(user);
  }

  async logout(actor: Actor): Promise<boolean> {
    await this.accounts.revokeSession(actor.sessionId);
    return true;
  }

  async me(actor: Actor): Promise<Me | null> {
    const user = await this.accounts.findUserById(actor.userId);
    return user ? toMeModel(user) : null;
  }

  /** The caller behind a bearer token, or null when the token is unknown, expired or revoked. */
  async actorForToken(token: string): Promise<Actor | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const found = await this.accounts.findLiveSession(sha256(token));
    return found ? { userId: found.user.id, sessionId: found.session.id, displayName: found.user.displayName, roles: new Set(found.user.roles) } : null;
  }

  /** The account a person is known by (phone or email), for officers assigning roles. */
  async findUserIdByIdentifier(identifierText: string): Promise<string | null> {
    const identifier = parseIdentifier(identifierText);
    return identifier ? ((await this.accounts.findUserByIdentifier(identifier))?.id ?? null) : null;
  }

  /** Name and contact of accounts, for officers' lists. */
  async summariesByIds(userIds: readonly string[]): Promise<Map<string, { displayName: string; phone: string | null; email: string | null }>> {
    const users = await this.accounts.findUsersByIds(userIds);
    return new Map(users.map((user) => [user.id, { displayName: user.displayName, phone: user.phone, email: user.email }]));
  }

  /** Adds a role inside the caller's transaction (no-op when she has it). */
  grantRole(manager: EntityManager, userId: string, role: Role): Promise<void> {
    return this.accounts.addRole(manager, userId, role);
  }

  /** For the demo seed: an account with a known password, created once. */
  async ensureDemoAccount(account: { displayName: string; phone: string | null; email: string | null; passwordHash: string; roles: Role[] }): Promise<string> {
    const identifier = account.phone ? ({ kind: 'phone', value: account.phone } as const) : ({ kind: 'email', value: account.email! } as const);
    const existing = await this.accounts.findUserByIdentifier(identifier);
    return existing?.id ?? (await this.accounts.insertUser(account)).id;
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** Always answers true: whether an account exists is not told. */
  async requestPasswordReset(identifierText: string, address: string): Promise<boolean> {
    await this.limits.resetRequestFrom(address);
    const identifier = parseIdentifier(identifierText);
    if (!identifier) throw badInput('identifier', 'Isi nomor HP atau email. (Give a phone number or an email.)');
    // Counted for unknown accounts too, so the limit does not tell which exist.
    await this.limits.resetRequestFor(address, identifier.value);
    const user = await this.accounts.findUserByIdentifier(identifier);
    if (!user) return true;
    const code = String(randomInt(0, 10 ** RESET_CODE_LENGTH)).padStart(RESET_CODE_LENGTH, '0');
    await this.dataSource.transaction(async (manager) => {
      await this.accounts.insertPasswordReset(manager, { userId: user.id, codeHash: sha256(`${user.id}:${code}`), expiresAt: minutesFromNow(RESET_CODE_MINUTES) });
      await this.notifications.enqueue(manager, {
        channel: identifier.kind === 'phone' ? OutboxChannel.SMS : OutboxChannel.EMAIL,
        recipient: identifier.value,
        body: `Karya Ibu: kode untuk mengganti kata sandi Anda ${code}. Berlaku ${RESET_CODE_MINUTES} menit. Jangan berikan kode ini kepada siapa pun.`,
      });
    });
    return true;
  }

  /** Sets a new password with a valid code, ends every other session and signs in. */
  async resetPassword(identifierText: string, code: string, newPassword: string): Promise<AuthSession> {
    assertPassword('newPassword', newPassword);
    const identifier = parseIdentifier(identifierText);
    const user = identifier ? await this.accounts.findUserByIdentifier(identifier) : null;
    const invalid = () => badInput('code', 'Kode salah atau sudah kedaluwarsa. Minta kode baru. (Wrong or expired code: ask for a new one.)');
    if (!user) throw invalid();
    const passwordHash = await hashPassword(newPassword);
    const accepted = await this.dataSource.transaction(async (manager) => {
      const reset = await this.accounts.findOpenResetForUpdate(manager, user.id);
      if (!reset || reset.attempts >= RESET_CODE_ATTEMPTS) return false;
      if (reset.codeHash !== sha256(`${user.id}:${code.trim()}`)) {
        reset.attempts++;
        await this.accounts.saveReset(manager, reset);
        return false;
      }
      reset.usedAt = new Date();
      await this.accounts.saveReset(manager, reset);
      await this.accounts.updatePasswordHash(manager, user.id, passwordHash);
      await this.accounts.revokeAllSessions(manager, user.id);
      return true;
    });
    if (!accepted) throw invalid();
    return this.startSession(user);
  }

  private async startSession(user: UserEntity): Promise<AuthSession> {
    const token = randomBytes(32).toString('base64url');
    const session = await this.accounts.insertSession({ userId: user.id, tokenHash: sha256(token), expiresAt: minutesFromNow(SESSION_DAYS * 24 * 60) });
    return { token, expiresAt: session.expiresAt, me: toMeModel(user) };
  }
}

function assertPassword(field: string, password: string): void {
  if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
    throw badInput(field, `Kata sandi minimal ${MIN_PASSWORD} karakter. (Password must be at least ${MIN_PASSWORD} characters.)`);
  }
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

