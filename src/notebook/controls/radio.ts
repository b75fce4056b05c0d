/**
 * A group of radio buttons in a <fieldset> with a <legend>, for a few choices
 * worth seeing at once (1D / 2D / 3D). Arrow keys move within the group.
 */
import { controlId, controlState, fieldShell, type Control } from './control.ts';
import type { ChoiceSpec } from './spec.ts';

export function radioControl(key: string, spec: ChoiceSpec): Control<string> {
  const { field, describedBy, descriptionNode } = fieldShell('radio', key, spec.description);
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'control__fieldset';
  if (describedBy) fieldset.setAttribute('aria-describedby', describedBy);
  const legend = document.createElement('legend');
  legend.className = 'control__label';
  legend.textContent = spec.label;
  const options = document.createElement('div');
  options.className = 'control__options';
  const group = controlId(key, 'group');

  const inputs = spec.options.map((option) => {
    const id = controlId(key, option.value);
    const input = document.createElement('input');
    input.type = 'radio';
    input.id = id;
    input.name = group;
    input.value = option.value;
    const label = document.createElement('label');
    label.className = 'control__option';
    label.htmlFor = id;
    label.textContent = option.label;
    options.append(input, label);
    return input;
  });
  fieldset.append(legend, options);
  field.append(fieldset);
  if (descriptionNode) field.append(descriptionNode);

  const state = controlState(spec.value, (value) => {
    for (const input of inputs) input.checked = input.value === value;
  });
  for (const input of inputs) {
    input.addEventListener('change', () => {
      if (input.checked) state.changed(input.value);
    });
  }
  return { key, spec, element: field, get: state.get, set: (v) => state.set(v), subscribe: state.subscribe };
}
