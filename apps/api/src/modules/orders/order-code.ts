import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: read aloud or typed from a WhatsApp message without mistakes. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** KI-7F3K9Q: six characters of 31, about 887 million codes. */
export const newOrderCode = (): string => `KI-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

export const ORDER_CODE_PATTERN = /^KI-[2-9A-HJKMNP-Z]{6}$/;
