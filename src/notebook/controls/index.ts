/** Builds the control a spec describes. */
import { buttonControl } from './button.ts';
import type { Control } from './control.ts';
import { radioControl } from './radio.ts';
import { rangeControl } from './range.ts';
import { selectControl } from './select.ts';
import { assertValidSpec, type ControlSpec } from './spec.ts';
import { toggleControl } from './toggle.ts';

export type { Control } from './control.ts';
export * from './spec.ts';
export { createPlayer, fitRange, type Player, type PlayerOptions, type PlayerPosition, type PlayPace } from './player.ts';

export function createControl(key: string, spec: ControlSpec): Control {
  assertValidSpec(key, spec);
  switch (spec.kind) {
    case 'range':
      return rangeControl(key, spec) as Control;
    case 'select':
      return selectControl(key, spec) as Control;
    case 'radio':
      return radioControl(key, spec) as Control;
    case 'toggle':
      return toggleControl(key, spec) as Control;
    case 'button':
      return buttonControl(key, spec) as Control;
  }
}
