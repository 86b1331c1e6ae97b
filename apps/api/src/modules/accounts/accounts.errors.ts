import { ObjectType } from '@nestjs/graphql';
import { AlreadyExistsError, ErrorCode, ErrorResult, InvalidInputError, resultUnion, Success } from '../../common/errors/error-result.js';
import { AuthSession } from './models/me.model.js';

/** Wrong phone/email or password: which of them is not told (nor whether the account exists). */
@ObjectType({ implements: () => [ErrorResult] })
export class InvalidCredentialsError extends ErrorResult {
  constructor() {
    super();
    Object.assign(this, { errorCode: ErrorCode.INVALID_CREDENTIALS, message: 'Wrong phone/email or password' });
  }
}

/** A reset code that is wrong, used, expired or tried too often: she asks for a new one. */
@ObjectType({ implements: () => [ErrorResult] })
export class InvalidResetCodeError extends ErrorResult {
  constructor() {
    super();
    Object.assign(this, { errorCode: ErrorCode.INVALID_RESET_CODE, message: 'Wrong or expired code: ask for a new one' });
  }
}

export const RegisterResult = resultUnion('RegisterResult', AuthSession, [InvalidInputError, AlreadyExistsError]);
export const LoginResult = resultUnion('LoginResult', AuthSession, [InvalidCredentialsError]);
export const RequestPasswordResetResult = resultUnion('RequestPasswordResetResult', Success, [InvalidInputError]);
export const ResetPasswordResult = resultUnion('ResetPasswordResult', AuthSession, [InvalidInputError, InvalidResetCodeError]);
