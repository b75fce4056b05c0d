/** An on/off setting: a labelled checkbox announced as a switch. Space toggles it. */
import { controlId, controlState, fieldShell, type Control } from './control.ts';
import type { ToggleSpec } from './spec.ts';

export function toggleControl(key: string, spec: ToggleSpec): Control<boolean> {
  const { field, describedBy, descriptionNode } = fieldShell('toggle', key, spec.description);
  const id = controlId(key);
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  input.name = key;
  input.setAttribute('role', 'switch');
  if (describedBy) input.setAttribute('aria-describedby', describedBy);
  const label = document.createElement('label');
  label.className = 'control__label control__label--inline';
  label.htmlFor = id;
  label.textContent = spec.label;
  const row = document.createElement('div');
  row.className = 'control__row';
  row.append(input, label);
  field.append(row);
  if (descriptionNode) field.append(descriptionNode);

  const state = controlState(spec.value, (value) => {
    input.checked = value;
  });
  input.addEventListener('change', () => state.changed(input.checked));
  return { key, spec, element: field, get: state.get, set: (v) => state.set(v), subscribe: state.subscribe };
}
