/** A push button whose value counts its presses (resample, step, reset): an action, not a setting. */
import { controlState, fieldShell, controlId, type Control } from './control.ts';
import type { ButtonSpec } from './spec.ts';

export function buttonControl(key: string, spec: ButtonSpec): Control<number> {
  const { field, describedBy, descriptionNode } = fieldShell('button', key, spec.description);
  const button = document.createElement('button');
  button.type = 'button';
  button.id = controlId(key);
  button.className = 'button';
  button.textContent = spec.label;
  if (describedBy) button.setAttribute('aria-describedby', describedBy);
  field.append(button);
  if (descriptionNode) field.append(descriptionNode);
  const state = controlState(0, () => {});
  button.addEventListener('click', () => state.changed(state.get() + 1));
  return { key, spec, element: field, get: state.get, set: (v) => state.set(v), subscribe: state.subscribe };
}
