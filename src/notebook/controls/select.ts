/** A labelled drop-down: <label> + <select>, for choices too many to show at once. */
import { controlId, controlState, fieldShell, type Control } from './control.ts';
import type { ChoiceSpec } from './spec.ts';

export function selectControl(key: string, spec: ChoiceSpec): Control<string> {
  const { field, describedBy, descriptionNode } = fieldShell('select', key, spec.description);
  const id = controlId(key);
  const label = document.createElement('label');
  label.className = 'control__label';
  label.htmlFor = id;
  label.textContent = spec.label;

  const select = document.createElement('select');
  select.id = id;
  select.name = key;
  if (describedBy) select.setAttribute('aria-describedby', describedBy);
  for (const option of spec.options) select.append(new Option(option.label, option.value));

  field.append(label, select);
  if (descriptionNode) field.append(descriptionNode);
  const state = controlState(spec.value, (value) => {
    select.value = value;
  });
  select.addEventListener('change', () => state.changed(select.value));
  return { key, spec, element: field, get: state.get, set: (v) => state.set(v), subscribe: state.subscribe };
}
