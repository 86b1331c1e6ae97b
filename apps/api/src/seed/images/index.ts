export * from './batik-design.js';
export * from './batik-pattern.js';
