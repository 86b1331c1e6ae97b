/** Limits shared by the forms (server checks) and the inputs (maxlength): the API's own. */
export const REASON_MIN = 5;
export const REASON_MAX = 500;
