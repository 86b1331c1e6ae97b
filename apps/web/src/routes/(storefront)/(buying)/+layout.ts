// Buying is past the light storefront pages: here the client helps where it can (address pickers in
// place, the error summary focused, a card payment followed), and every step still works without it.
export const csr = true;
