import { Injectable } from '@nestjs/common';
import { ADDRESS_LABEL_LENGTH, DISPLAY_NAME_LENGTH, normalizeIndonesianPhone, POSTAL_CODE_PATTERN, SAVED_ADDRESSES_MAX, STREET_LENGTH, within } from '@karya-ibu/types/rules';
import type { RequestContext } from '../../common/context/request-context.js';
import { InvalidInputError, NotFoundError, type ErrorResult, EntityKind } from '../../common/errors/error-result.js';
import { badInput } from '../../common/errors/user-errors.js';
import { isUuid } from '../../common/graphql/ids.js';
import { AreaRepository } from './area.repository.js';
import type { AddressInput, SaveAddressInput } from './dto/address.input.js';
import { ancestorCodes, AreaLevel, levelOfCode } from './models/area-level.enum.js';
import { toAreaModel, type Area, type ResolvedVillage } from './models/area.model.js';
import { toSavedAddressModel, type SavedAddress } from './models/saved-address.model.js';

/** An address that passed every rule, with the names of its areas. */
export interface ValidAddress extends ResolvedVillage {
  recipientName: string;
  phone: string;
  postalCode: string;
  street: string;
}

const MAX_SEARCH_RESULTS = 50;

@Injectable()
export class AddressesService {
  constructor(private readonly areas: AreaRepository) {}

  /** The provinces (no parent), or the areas directly under one. */
  async children(ctx: RequestContext, parentCode: string | null): Promise<Area[]> {
    if (parentCode !== null && levelOfCode(parentCode) === null) throw badInput('parentCode', 'Bukan kode wilayah Kemendagri. (Not a Kemendagri area code.)');
    return (await this.areas.children(ctx, parentCode)).map(toAreaModel);
  }

  async search(ctx: RequestContext, text: string, level: AreaLevel, under: string | null, first: number): Promise<Area[]> {
    const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (words.length < 3 || words.length > 60) throw badInput('text', 'Ketik 3–60 huruf. (Type 3–60 characters.)');
    if (first < 1 || first > MAX_SEARCH_RESULTS) throw badInput('first', `must be between 1 and ${MAX_SEARCH_RESULTS}`);
    if (under !== null && levelOfCode(under) === null) throw badInput('under', 'Bukan kode wilayah Kemendagri. (Not a Kemendagri area code.)');
    return (await this.areas.search(ctx, words, level, under, first)).map(toAreaModel);
  }

  async findByCodes(ctx: RequestContext, codes: readonly string[]): Promise<Map<string, Area>> {
    const valid = codes.filter((code) => levelOfCode(code) !== null);
    return new Map((await this.areas.findByCodes(ctx, valid)).map((area) => [area.code, toAreaModel(area)]));
  }

  /** A kelurahan/desa and the names of its kecamatan, kabupaten/kota and province; null when there is no such village. */
  async resolveVillage(ctx: RequestContext, villageCode: string): Promise<ResolvedVillage | null> {
    if (levelOfCode(villageCode) !== AreaLevel.VILLAGE) return null;
    const found = await this.findByCodes(ctx, [...ancestorCodes(villageCode), villageCode]);
    const [province, regency, district] = ancestorCodes(villageCode).map((code) => found.get(code));
    const village = found.get(villageCode);
    if (!village || !district || !regency || !province) return null;
    return { villageCode, village: village.name, district: district.name, regency: regency.name, province: province.name };
  }

  /** Checks an address field by field; `prefix` is its input path (input.address). */
  async validate(ctx: RequestContext, input: AddressInput, prefix: string): Promise<ValidAddress | InvalidInputError> {
    const recipientName = input.recipientName.trim().replace(/\s+/g, ' ');
    if (!within(recipientName.length, DISPLAY_NAME_LENGTH)) {
      return new InvalidInputError(`${prefix}.recipientName`, recipientName ? 'TOO_LONG' : 'REQUIRED', 'The recipient\'s name has the wrong length', DISPLAY_NAME_LENGTH);
    }
    const phone = normalizeIndonesianPhone(input.phone);
    if (!phone) return new InvalidInputError(`${prefix}.phone`, 'BAD_FORMAT', 'Not an Indonesian mobile number');
    const postalCode = input.postalCode.trim();
    if (!POSTAL_CODE_PATTERN.test(postalCode)) return new InvalidInputError(`${prefix}.postalCode`, 'BAD_FORMAT', 'A postal code is five digits');
    const street = input.street.trim();
    if (!within(street.length, STREET_LENGTH)) return new InvalidInputError(`${prefix}.street`, street.length < STREET_LENGTH.min ? 'TOO_SHORT' : 'TOO_LONG', 'The street has the wrong length', STREET_LENGTH);
    const village = await this.resolveVillage(ctx, input.villageCode.trim());
    if (!village) return new InvalidInputError(`${prefix}.villageCode`, 'UNKNOWN_OPTION', 'No kelurahan/desa has this code');
    return { ...village, recipientName, phone, postalCode, street };
  }

  async savedAddresses(ctx: RequestContext): Promise<SavedAddress[]> {
    return (await this.areas.savedAddresses(ctx, ctx.person.userId)).map(toSavedAddressModel);
  }

  async savedAddress(ctx: RequestContext, id: string): Promise<ValidAddress | null> {
    const saved = isUuid(id) ? await this.areas.findSavedAddress(ctx, ctx.person.userId, id) : null;
    const village = saved && (await this.resolveVillage(ctx, saved.villageCode));
    return saved && village ? { ...village, recipientName: saved.recipientName, phone: saved.phone, postalCode: saved.postalCode, street: saved.street } : null;
  }

  async saveAddress(ctx: RequestContext, input: SaveAddressInput): Promise<SavedAddress | ErrorResult> {
    const { userId } = ctx.person;
    const label = input.label.trim();
    if (!within(label.length, ADDRESS_LABEL_LENGTH)) return new InvalidInputError('input.label', label ? 'TOO_LONG' : 'REQUIRED', 'The label has the wrong length', ADDRESS_LABEL_LENGTH);
    const address = await this.validate(ctx, input, 'input');
    if (address instanceof InvalidInputError) return address;
    const existing = input.id ? (isUuid(input.id) ? await this.areas.findSavedAddress(ctx, userId, input.id) : null) : undefined;
    if (existing === null) return new NotFoundError(EntityKind.SAVED_ADDRESS);
    if (!existing && (await this.areas.countSavedAddresses(ctx, userId)) >= SAVED_ADDRESSES_MAX) {
      return new InvalidInputError('input', 'OUT_OF_RANGE', `At most ${SAVED_ADDRESSES_MAX} saved addresses`, { max: SAVED_ADDRESSES_MAX });
    }
    const saved = await this.areas.saveAddress(ctx, {
      ...(existing ?? {}),
      userId,
      label,
      recipientName: address.recipientName,
      phone: address.phone,
      villageCode: address.villageCode,
      postalCode: address.postalCode,
      street: address.street,
      isDefault: input.isDefault ?? existing?.isDefault ?? false,
    });
    return toSavedAddressModel(saved);
  }

  async deleteAddress(ctx: RequestContext, id: string): Promise<boolean> {
    return isUuid(id) && this.areas.deleteAddress(ctx, ctx.person.userId, id);
  }
}

