/**
 * The Content Security Policy of every built page, in one place: the build
 * writes it into each page as a <meta http-equiv> and the end-to-end server
 * sends it as a header, so both enforce exactly the same policy.
 *
 * - No 'unsafe-inline' anywhere: no inline scripts, no style attributes from
 *   HTML. KaTeX (katex.render), three.js and d3 set styles through the CSSOM
 *   (element.style), which CSP allows.
 * - img-src data: blob: for canvases exported as images; worker-src 'self'
 *   for the training worker, which the build emits as a file.
 * - frame-ancestors cannot be set from a <meta>; a host that wants it sets it
 *   as a header.
 *
 * The training worker runs under the policy of its own script's response, not
 * the page's: a <meta> cannot reach it, and a host that sends headers sends
 * WORKER_CONTENT_SECURITY_POLICY with the worker script (isWorkerScript). It is
 * the page's policy plus 'wasm-unsafe-eval' in script-src, which lets the
 * worker compile the WebAssembly SIMD convolution kernel and nothing else: no
 * eval, no new Function, no inline code. Without it the worker trains on the
 * TypeScript kernel (same numbers, about four times slower). Pages never
 * compile WebAssembly, so theirs stays without it.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

export const WORKER_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  ...CSP_DIRECTIVES,
  'script-src': [...CSP_DIRECTIVES['script-src']!, "'wasm-unsafe-eval'"],
};

export const WORKER_CONTENT_SECURITY_POLICY = Object.entries(WORKER_CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** The built worker scripts: Vite names an entry `<name>.worker-<hash>.js` after src/workers/<name>.worker.ts. */
export function isWorkerScript(pathname: string): boolean {
  return /\/assets\/[\w-]+\.worker-[\w-]+\.js$/.test(pathname);
}

/** The policy to send with a file of the built site. */
export function policyFor(pathname: string): string {
  return isWorkerScript(pathname) ? WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}
