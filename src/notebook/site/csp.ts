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
