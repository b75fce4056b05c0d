/**
 * A small compass in the footer showing where the tensor's x, y and z axes
 * point on screen as the camera orbits. Drawn in SVG outside the stage: it
 * costs no draw call and is never covered by the shared canvas.
 */
import { Quaternion, Vector3, type Camera } from 'three';

const SVG = 'http://www.w3.org/2000/svg';
const RADIUS = 16;
// Tensor axes in world space (see voxel-layout.ts): x east, y north (-Z), z up.
const AXES = [
  { name: 'x', world: new Vector3(1, 0, 0) },
  { name: 'y', world: new Vector3(0, 0, -1) },
  { name: 'z', world: new Vector3(0, 1, 0) },
];

export interface OrientationGizmo {
  readonly node: SVGSVGElement;
  setAxes(count: number): void;
  update(camera: Camera): void;
  dispose(): void;
}

export function createOrientationGizmo(parent: HTMLElement, axisNames: readonly string[] = ['x', 'y', 'z']): OrientationGizmo {
  const node = document.createElementNS(SVG, 'svg');
  node.setAttribute('class', 'viz3d__gizmo');
  node.setAttribute('viewBox', '-22 -22 44 44');
  node.setAttribute('aria-hidden', 'true');
  const parts = AXES.map((a, i) => {
    const g = document.createElementNS(SVG, 'g');
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('x1', '0');
    line.setAttribute('y1', '0');
    const text = document.createElementNS(SVG, 'text');
    text.textContent = axisNames[i] ?? a.name;
    g.append(line, text);
    node.append(g);
    return { g, line, text, world: a.world };
  });
  parent.prepend(node);

  const inverse = new Quaternion();
  const v = new Vector3();
  let shown = 3;
  const lastQuaternion = new Quaternion(NaN, NaN, NaN, NaN);

  return {
    node,
    setAxes(count) {
      shown = count;
      parts.forEach((p, i) => p.g.setAttribute('display', i < count ? 'inline' : 'none'));
      lastQuaternion.set(NaN, NaN, NaN, NaN);
    },
    update(camera) {
      if (camera.quaternion.equals(lastQuaternion)) return;
      lastQuaternion.copy(camera.quaternion);
      inverse.copy(camera.quaternion).invert();
      // Draw the axes pointing away from the viewer first.
      const order = parts.slice(0, shown).map((p) => {
        v.copy(p.world).applyQuaternion(inverse);
        return { p, x: v.x * RADIUS, y: -v.y * RADIUS, depth: v.z };
      });
      order.sort((a, b) => a.depth - b.depth);
      for (const { p, x, y } of order) {
        p.line.setAttribute('x2', x.toFixed(1));
        p.line.setAttribute('y2', y.toFixed(1));
        const len = Math.hypot(x, y) || 1;
        // Labels just beyond the tip; an axis pointing at the viewer keeps its label beside the centre.
        const lx = len < 3 ? 6 : x + (x / len) * 5;
        const ly = len < 3 ? -6 : y + (y / len) * 5;
        p.text.setAttribute('x', lx.toFixed(1));
        p.text.setAttribute('y', ly.toFixed(1));
        node.append(p.g);
      }
    },
    dispose: () => node.remove(),
  };
}
