import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey } from './id';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export type MessageParams = Record<string, string | number>;

/** `t('id', 'catalog.total', { count: 3 })` → `3 produk`. Unknown `{names}` are left as they are. */
export function t(lang: Lang | undefined, key: MessageKey, params?: MessageParams): string {
  const message = dictionaries[lang ?? DEFAULT_LANG][key] ?? id[key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}

/** BCP 47 locale for Intl formatters. */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}
