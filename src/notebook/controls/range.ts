/**
 * A labelled slider with a number read-out and an optional unit:
 * <label> + <input type=range> + <output>. Arrow keys, Page Up/Down, Home and
 * End move it (native); aria-valuetext speaks the value with its unit.
 */
import { controlId, controlState, fieldShell, type Control } from './control.ts';
import { formatRange, rangeText, type RangeSpec } from './spec.ts';

export function rangeControl(key: string, spec: RangeSpec): Control<number> {
  const { field, describedBy, descriptionNode } = fieldShell('range', key, spec.description);
  const id = controlId(key);

  const label = document.createElement('label');
  label.className = 'control__label';
  label.htmlFor = id;
  label.textContent = spec.label;

  const input = document.createElement('input');
  input.type = 'range';
  input.id = id;
  input.name = key;
  input.min = String(spec.min);
  input.max = String(spec.max);
  input.step = String(spec.step);
  if (describedBy) input.setAttribute('aria-describedby', describedBy);

  const output = document.createElement('output');
  output.className = 'control__value';
  output.htmlFor.add(id);
  output.setAttribute('aria-hidden', 'true');

  const row = document.createElement('div');
  row.className = 'control__row';
  row.append(input, output);
  field.append(label, row);
  if (descriptionNode) field.append(descriptionNode);

  const text = (value: number): string => rangeText(spec, value);
  const state = controlState(spec.value, (value) => {
    input.value = String(value);
    output.textContent = text(value);
    input.setAttribute('aria-valuetext', text(value));
  });
  input.addEventListener('input', () => {
    const value = Number(formatRange(spec, input.valueAsNumber));
    output.textContent = text(value);
    input.setAttribute('aria-valuetext', text(value));
    state.changed(value);
  });
  return { key, spec, element: field, get: state.get, set: (v) => state.set(v), subscribe: state.subscribe };
}
