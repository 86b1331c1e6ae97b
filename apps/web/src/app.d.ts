import type { Lang } from '$lib/i18n';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** Request id, also in the server log, so a buyer can quote it. */
      id?: string;
    }
    interface Locals {
      lang: Lang;
    }
    interface PageData {
      lang: Lang;
    }
  }
}

export {};
