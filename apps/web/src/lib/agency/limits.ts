/** Limits of the agency forms that only this web app applies (the API keeps a kampung's description as given). */
export const KAMPUNG_DESCRIPTION_MAX_LENGTH = 2000;
