import { AlreadyExistsError, InvalidInputError, NotFoundError, resultUnion } from '../../common/errors/error-result.js';
import { Kampung } from './models/kampung.model.js';

export const CreateKampungResult = resultUnion('CreateKampungResult', Kampung, [InvalidInputError, AlreadyExistsError]);
export const UpdateKampungResult = resultUnion('UpdateKampungResult', Kampung, [NotFoundError, InvalidInputError, AlreadyExistsError]);
export const AssignPendampingResult = resultUnion('AssignPendampingResult', Kampung, [NotFoundError, InvalidInputError]);
export const UnassignPendampingResult = resultUnion('UnassignPendampingResult', Kampung, [NotFoundError, InvalidInputError]);
