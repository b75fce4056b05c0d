/** Reading a chapter's controls from the page, whatever the chapter. */
import type { Page } from 'playwright-core';

export interface ControlInfo {
  readonly key: string;
  /** range, select, radio, toggle or button. */
  readonly kind: string;
  readonly label: string;
}

export async function listControls(page: Page): Promise<ControlInfo[]> {
  return page.locator('.control[data-control]').evaluateAll((fields) =>
    fields.map((f) => {
      const field = f as HTMLElement;
      const kind = [...field.classList].find((c) => c.startsWith('control--'))!.slice('control--'.length);
      const label = field.querySelector('.control__label')?.textContent ?? field.textContent ?? '';
      return { key: field.dataset.control!, kind, label };
    }),
  );
}

export async function controlKeys(page: Page, kind: string): Promise<string[]> {
  return (await listControls(page)).filter((c) => c.kind === kind).map((c) => c.key);
}

/** Every setting's current value as the page shows it, written as in the URL. */
export async function settings(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const values: Record<string, string> = {};
    for (const field of document.querySelectorAll<HTMLElement>('.control[data-control]')) {
      const key = field.dataset.control!;
      const range = field.querySelector<HTMLInputElement>('input[type=range]');
      const select = field.querySelector<HTMLSelectElement>('select');
      const radio = field.querySelector<HTMLInputElement>('input[type=radio]:checked');
      const toggle = field.querySelector<HTMLInputElement>('input[type=checkbox]');
      if (range) values[key] = range.value;
      else if (select) values[key] = select.value;
      else if (radio) values[key] = radio.value;
      else if (toggle) values[key] = toggle.checked ? 'on' : 'off';
    }
    return values;
  });
}
