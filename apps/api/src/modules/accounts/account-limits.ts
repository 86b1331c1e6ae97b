import { Injectable } from '@nestjs/common';
import { RateLimits, type BackoffAttempt, type FailureBackoff, type WindowLimit } from '../../common/rate-limit/rate-limits.js';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SignInAttempt {
  address: string;
  /** null when the identifier is no phone or email: only the address is counted. */
  backoff: BackoffAttempt | null;
}

/**
 * How often one client may sign in, register and ask for reset codes. Only what can hurt is counted:
 * sign-in FAILURES, per account and address (a seller's phone is public as her WhatsApp number, so a
 * limit per account alone would let anyone lock her out) and per address across accounts (credential
 * stuffing). The right password from an address that has not been failing always works. Per-address
 * limits are generous: a kampung's wifi or a mobile carrier's NAT puts many people behind one address.
 */
@Injectable()
export class AccountLimits {
  /** 5 wrong passwords in a row are free, then 1 min, 2, 4 … up to 1 h between tries, from that address only. */
  private readonly signInFailuresByAccountAndAddress: FailureBackoff;
  private readonly signInFailuresByAddress: WindowLimit;
  /** A training class registering together over one wifi stays well inside this; 40 accounts a second do not. */
  private readonly registrationsByAddress: WindowLimit;
  private readonly resetRequestsByAddress: WindowLimit;
  /** Below the per-account cap, so one address cannot use up someone's reset codes for everyone. */
  private readonly resetRequestsByAccountAndAddress: WindowLimit;
  /** Caps the SMS/emails one person can be sent. */
  private readonly resetRequestsByAccount: WindowLimit;

  constructor(rateLimits: RateLimits) {
    this.signInFailuresByAccountAndAddress = rateLimits.backoff('sign_in_account_address', {
      freeFailures: 5,
      firstDelaySeconds: MINUTE,
      maxDelaySeconds: HOUR,
      forgetAfterSeconds: DAY,
    });
    this.signInFailuresByAddress = rateLimits.window('sign_in_failures_address', { points: 100, seconds: DAY });
    this.registrationsByAddress = rateLimits.window('register_address', { points: 30, seconds: HOUR });
    this.resetRequestsByAddress = rateLimits.window('reset_address', { points: 10, seconds: HOUR });
    this.resetRequestsByAccountAndAddress = rateLimits.window('reset_account_address', { points: 5, seconds: DAY });
    this.resetRequestsByAccount = rateLimits.window('reset_account', { points: 20, seconds: DAY });
  }

  /** Before the password is checked; the attempt counts as a failure until signInSucceeded. */
  async signInStarted(address: string, account: string | null): Promise<SignInAttempt> {
    await this.signInFailuresByAddress.consume({ address });
    try {
      return { address, backoff: account === null ? null : await this.signInFailuresByAccountAndAddress.attempt({ address, account }) };
    } catch (error) {
      await this.signInFailuresByAddress.refund({ address });
      throw error;
    }
  }

  async signInFailed(attempt: SignInAttempt): Promise<void> {
    if (attempt.backoff) await this.signInFailuresByAccountAndAddress.failed(attempt.backoff);
  }

  async signInSucceeded(attempt: SignInAttempt): Promise<void> {
    await Promise.all([
      this.signInFailuresByAddress.refund({ address: attempt.address }),
      attempt.backoff && this.signInFailuresByAccountAndAddress.succeeded(attempt.backoff),
    ]);
  }

  registration(address: string): Promise<void> {
    return this.registrationsByAddress.consume({ address });
  }

  resetRequestFrom(address: string): Promise<void> {
    return this.resetRequestsByAddress.consume({ address });
  }

  async resetRequestFor(address: string, account: string): Promise<void> {
    await this.resetRequestsByAccountAndAddress.consume({ address, account });
    await this.resetRequestsByAccount.consume({ account });
  }
}
