// The storefront is read on cheap phones over slow, metered connections: its pages are complete as
// the server renders them (links and GET forms), so they ship no JavaScript at all (Svelte's and
// SvelteKit's client alone are ~60 KB compressed, against a first-load budget of 40 KB). Each link
// is a plain page load of ~8 KB of compressed HTML; CSS and photos stay cached.
export const csr = false;
