/** Pointer position in an SVG element's own user coordinates (through any transforms). */
export function pointerIn(event: PointerEvent | MouseEvent, el: SVGGraphicsElement): [number, number] {
  const m = el.getScreenCTM();
  if (!m) return [0, 0];
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(m.inverse());
  return [p.x, p.y];
}
