/**
 * The V8 options the API process runs with wherever it starts (the image's NODE_OPTIONS, `npm start`,
 * the bench). A fixed old-space cap: V8 otherwise sizes the heap to the machine's memory, not the
 * container's (768Mi in infra/k8s), and under load the heap grew to 450 MB of garbage before a full
 * collection. A 32 MB young generation (semi-space): a storefront request allocates about a megabyte
 * that dies with it, and on Node 24 a listing cost 2.2 ms of CPU with it against 2.7 ms with 16 MB and
 * 3.1 ms with 8 MB (`npm run bench`), for some 30 MB more memory after load.
 */
export const API_NODE_OPTIONS = ['--max-old-space-size=384', '--max-semi-space-size=32'] as const;
