/**
 * The V8 options the API process runs with wherever it starts (the image's NODE_OPTIONS, `npm start`,
 * the bench). A fixed old-space cap: V8 otherwise sizes the heap to the machine's memory, not the
 * container's (768Mi in infra/k8s), and under load the heap grew to 450 MB of garbage before a full
 * collection; capped, it stays near 230 MB at the same throughput. A larger young generation
 * (--max-semi-space-size) was tried: it added its own size to idle memory and saved no CPU.
 */
export const API_NODE_OPTIONS = ['--max-old-space-size=384'] as const;
