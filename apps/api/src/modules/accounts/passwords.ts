import { Algorithm, hash } from '@node-rs/argon2';

/** argon2id with the library's defaults; the seed and the test factories store demo passwords with it too. */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: Algorithm.Argon2id });
