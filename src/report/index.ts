/** Run reports: the model and its two pure renderers (Markdown with Mermaid, self-contained HTML with SVG). */
export type * from './model';
export { renderMarkdown } from './render-markdown';
export { renderHtml } from './render-html';
export { renderNetworkSvg } from './network-svg';
export { renderNetworkMermaid } from './network-mermaid';
export { formatDuration } from './format';
