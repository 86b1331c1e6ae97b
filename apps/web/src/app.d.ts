import type { Role } from '@karya-ibu/types';
import type { Lang } from '$lib/i18n';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** Request id, also in the server log, so a buyer can quote it. */
      id?: string;
      /** The status the page is answered with when it differs from SvelteKit's 500 (hooks.server.ts). */
      status?: number;
    }
    interface Locals {
      lang: Lang;
      /** The signed-in person (from the session cookie, checked with the API once per request), or null. */
      actor: Actor | null;
      /** Pieces in the signed-in person's cart, from the same call as `actor` (guests: read by the layout). */
      cartCount?: number;
    }
    interface PageData {
      lang: Lang;
      /** Only what pages show: never the session token. */
      actor: { displayName: string; roles: Role[]; hasShop: boolean } | null;
    }
  }
}

/** The signed-in person as the web server knows them. */
interface Actor {
  id: string;
  displayName: string;
  roles: Role[];
  /** She has a seller profile, whatever its status. */
  hasShop: boolean;
}

export {};
