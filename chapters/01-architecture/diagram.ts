/**
 * The architecture diagram of chapter 1 (the tutorial's Figures 1 and 2): the
 * feature extraction zone (X, H^1 ... H^M) and the inference zone (Vec(H^M),
 * FC_1 ... FC_F, the softmax) as two rows of layer cards, each with a glyph to
 * scale, its name and shape. A card is a button: selecting it shows the
 * layer's role in the panel below, with links to the chapters that explain
 * it. Pointer and focus on a card or on one of its parts (W, BN, g, pool)
 * highlight the matching terms in the equations and code, and the other way
 * round. Built as HTML so it wraps on a phone and every part is keyboard and
 * screen-reader reachable.
 */
import { chapterDir, type TermBus } from '../../src/notebook/index.ts';
import { prose } from '../../src/viz/tex/tex.ts';
import type { Architecture } from './architecture.ts';
import { layerDetails } from './details.ts';
import { ACTIVATION_NAMES, formatCount, formatShape, speakShape } from './format.ts';
import { gridGlyph, vectorGlyph } from './glyph.ts';

interface NamePart {
  readonly base: string;
  readonly sup?: string;
  readonly sub?: string;
}

interface Chip {
  readonly text: string;
  readonly terms: readonly string[];
}

interface Card {
  readonly id: string;
  readonly zone: 'features' | 'inference';
  readonly name: readonly NamePart[];
  readonly role: string;
  readonly shape: string;
  readonly spoken: string;
  readonly terms: readonly string[];
  readonly glyph: () => SVGSVGElement;
  /** What the glyph is drawn from: a card whose text, chips and glyph key are unchanged is kept as it is. */
  readonly glyphKey: string;
  readonly chips?: readonly Chip[];
}

export interface ArchitectureDiagram {
  readonly node: HTMLElement;
  update(arch: Architecture): void;
  dispose(): void;
}

function cards(arch: Architecture): Card[] {
  const { dims, activation } = arch.config;
  const g = ACTIVATION_NAMES[activation];
  const list: Card[] = [
    {
      id: 'X',
      zone: 'features',
      name: [{ base: 'X' }],
      role: 'input',
      shape: formatShape(arch.input),
      spoken: `Input X, ${speakShape(arch.input)}`,
      terms: ['X'],
      glyph: () => gridGlyph(arch.input, dims),
      glyphKey: `grid ${arch.input.join(',')} ${dims}`,
    },
  ];
  for (const h of arch.hidden) {
    const [wx, wy, wz, , wc] = h.filter;
    const chips: Chip[] = [{ text: `conv ${wx}×${wy}×${wz}, ${wc}`, terms: ['W', 'b'] }];
    for (const stage of h.stages) {
      if (stage.kind === 'batchnorm') chips.push({ text: 'BN', terms: ['BN'] });
      if (stage.kind === 'activation') chips.push({ text: g, terms: ['g'] });
      if (stage.kind === 'pool') chips.push({ text: 'max pool', terms: ['pool'] });
    }
    list.push({
      id: `H${h.m}`,
      zone: 'features',
      name: [{ base: 'H', sup: String(h.m) }],
      role: `block ${h.m}`,
      shape: formatShape(h.shape),
      spoken: `Hidden layer H${h.m}, block ${h.m}, ${speakShape(h.shape)}`,
      terms: ['H', 'Hprev'],
      glyph: () => gridGlyph(h.shape, dims),
      glyphKey: `grid ${h.shape.join(',')} ${dims}`,
      chips,
    });
  }
  list.push({
    id: 'FC0',
    zone: 'inference',
    name: [{ base: 'FC', sub: '0' }, { base: ' = Vec(H' }, { base: '', sup: String(arch.hidden.length) }, { base: ')' }],
    role: 'flatten',
    shape: formatCount(arch.vectorLength),
    spoken: `FC0, the last hidden layer as a vector of ${arch.vectorLength} values`,
    terms: ['Vec', 'FCprev'],
    glyph: () => vectorGlyph(arch.vectorLength),
    glyphKey: `vector ${arch.vectorLength}`,
  });
  for (const fc of arch.dense) {
    list.push({
      id: `FC${fc.f}`,
      zone: 'inference',
      name: [{ base: 'FC', sub: String(fc.f) }],
      role: fc.scores ? 'class scores' : `hidden, ${g}`,
      shape: formatCount(fc.units),
      spoken: `Fully connected layer FC${fc.f}, ${fc.units} ${fc.scores ? 'class scores' : 'units'}`,
      terms: ['FC', 'FCprev'],
      glyph: () => vectorGlyph(fc.units),
      glyphKey: `vector ${fc.units}`,
      chips: [{ text: `W ${formatCount(fc.weights[0]!)}×${formatCount(fc.weights[1]!)}`, terms: ['WFC', 'bf'] }],
    });
  }
  list.push({
    id: 'p',
    zone: 'inference',
    name: [{ base: 'p̂' }],
    role: 'softmax',
    shape: `${arch.config.classes} classes`,
    spoken: `Softmax output, ${arch.config.classes} class probabilities`,
    terms: ['softmax'],
    glyph: () => vectorGlyph(arch.config.classes),
    glyphKey: `vector ${arch.config.classes}`,
  });
  return list;
}

function nameElement(parts: readonly NamePart[]): HTMLElement {
  const name = document.createElement('span');
  name.className = 'arch-card__name';
  for (const part of parts) {
    if (part.base) name.append(document.createTextNode(part.base));
    if (part.sup) {
      const sup = document.createElement('sup');
      sup.textContent = part.sup;
      name.append(sup);
    }
    if (part.sub) {
      const sub = document.createElement('sub');
      sub.textContent = part.sub;
      name.append(sub);
    }
  }
  return name;
}

function span(className: string, text: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

function zone(kind: 'features' | 'inference', title: string, equations: string): { section: HTMLElement; list: HTMLOListElement } {
  const section = document.createElement('section');
  section.className = `arch__zone arch__zone--${kind}`;
  const heading = document.createElement('h3');
  heading.className = 'arch__zone-title';
  heading.id = `arch-zone-${kind}`;
  heading.append(document.createTextNode(title), span('arch__zone-equations', equations));
  section.setAttribute('aria-labelledby', heading.id);
  const list = document.createElement('ol');
  list.className = 'arch__layers';
  section.append(heading, list);
  return { section, list };
}

export function architectureDiagram(container: HTMLElement, bus: TermBus): ArchitectureDiagram {
  const node = document.createElement('div');
  node.className = 'arch';
  const features = zone('features', 'Feature extraction zone', 'eqs. 1–6');
  const inference = zone('inference', 'Inference zone', 'eqs. 7–8');
  const zones = document.createElement('div');
  zones.className = 'arch__zones';
  zones.append(features.section, inference.section);

  const details = document.createElement('section');
  details.className = 'arch__details';
  details.id = 'arch-details';
  details.setAttribute('aria-live', 'polite');
  details.setAttribute('aria-label', 'Selected layer');
  node.append(zones, details);
  container.append(node);

  let arch: Architecture | undefined;
  let selected = 'H1';
  let disposeDetails = (): void => {};
  /** The cards drawn, by layer id, with what they were drawn from; and what the details show. */
  let built = new Map<string, { key: string; item: HTMLLIElement }>();
  let detailsKey = '';

  const paintTerms = (active: string | null): void => {
    for (const element of node.querySelectorAll<HTMLElement>('[data-terms]')) {
      element.classList.toggle('is-term-active', active !== null && element.dataset.terms!.split(' ').includes(active));
    }
  };
  const unsubscribe = bus.subscribe(paintTerms);

  const showDetails = (): void => {
    const info = arch && layerDetails(arch, selected);
    // The same text as shown: keep it (re-rendering its TeX on every slider move is the costliest part of an update).
    const key = info ? JSON.stringify(info) : '';
    if (key === detailsKey) return;
    detailsKey = key;
    disposeDetails();
    disposeDetails = () => {};
    details.replaceChildren();
    if (!info) return;
    const title = document.createElement('h4');
    title.className = 'arch__details-title';
    const disposers = [prose(title, info.title, { bus })];
    const size = span('arch__details-size', info.size);
    details.append(title, size);
    for (const text of info.paragraphs) {
      const p = document.createElement('p');
      disposers.push(prose(p, text, { bus }));
      details.append(p);
    }
    if (info.chapters.length > 0) {
      const p = document.createElement('p');
      p.className = 'arch__details-links';
      const sorted = [...info.chapters].sort((a, b) => a.number - b.number);
      p.append(sorted.length > 1 ? 'Explained in chapters ' : 'Explained in chapter ');
      sorted.forEach((chapter, i) => {
        const link = document.createElement('a');
        link.href = `../${chapterDir(chapter)}/index.html`;
        link.textContent = `${chapter.number} (${chapter.title})`;
        if (i > 0) p.append(i === sorted.length - 1 ? ' and ' : ', ');
        p.append(link);
      });
      p.append('.');
      details.append(p);
    }
    disposeDetails = () => disposers.forEach((d) => d());
  };

  const select = (id: string): void => {
    selected = id;
    for (const button of node.querySelectorAll<HTMLButtonElement>('.arch-card')) {
      button.setAttribute('aria-pressed', String(button.dataset.layer === id));
    }
    showDetails();
  };

  const cardElement = (card: Card): HTMLLIElement => {
    const item = document.createElement('li');
    item.className = 'arch__item';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'arch-card';
    button.dataset.layer = card.id;
    button.dataset.terms = card.terms.join(' ');
    button.setAttribute('aria-pressed', String(card.id === selected));
    button.setAttribute('aria-controls', details.id);
    button.setAttribute('aria-label', `${card.spoken}. Show details.`);
    const text = document.createElement('span');
    text.className = 'arch-card__text';
    text.append(nameElement(card.name), span('arch-card__role', card.role), span('arch-card__shape', card.shape));
    button.append(card.glyph(), text);
    if (card.chips) {
      const chips = document.createElement('span');
      chips.className = 'arch-card__chips';
      for (const chip of card.chips) {
        const element = span('arch-chip', chip.text);
        element.dataset.terms = chip.terms.join(' ');
        element.addEventListener('pointerenter', () => bus.highlight(chip.terms[0]!));
        element.addEventListener('pointerleave', () => bus.highlight(card.terms[0]!));
        chips.append(element);
      }
      button.append(chips);
    }
    const enter = (): void => bus.highlight(card.terms[0]!);
    const leave = (): void => bus.highlight(null);
    button.addEventListener('pointerenter', enter);
    button.addEventListener('pointerleave', leave);
    button.addEventListener('focus', enter);
    button.addEventListener('blur', leave);
    button.addEventListener('click', () => select(card.id));
    item.append(button);
    return item;
  };

  return {
    node,
    update(next) {
      arch = next;
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.arch-card')?.dataset.layer;
      const all = cards(next);
      if (!all.some((c) => c.id === selected)) selected = 'X';
      // Cards that read the same are kept (the element, its glyph, its listeners); only changed ones are rebuilt.
      const kept = new Map<string, { key: string; item: HTMLLIElement }>();
      const itemFor = (card: Card): HTMLLIElement => {
        const { glyph: _glyph, ...drawn } = card;
        const key = JSON.stringify(drawn);
        const previous = built.get(card.id);
        const item = previous && previous.key === key ? previous.item : cardElement(card);
        kept.set(card.id, { key, item });
        return item;
      };
      const place = (list: HTMLOListElement, items: HTMLLIElement[]): void => {
        const same = items.length === list.children.length && items.every((item, i) => list.children[i] === item);
        if (!same) list.replaceChildren(...items);
      };
      place(features.list, all.filter((c) => c.zone === 'features').map(itemFor));
      place(inference.list, all.filter((c) => c.zone === 'inference').map(itemFor));
      built = kept;
      for (const button of node.querySelectorAll<HTMLButtonElement>('.arch-card')) {
        const pressed = String(button.dataset.layer === selected);
        if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
      }
      if (focused) node.querySelector<HTMLElement>(`.arch-card[data-layer="${focused}"]`)?.focus();
      paintTerms(bus.active);
      showDetails();
    },
    dispose() {
      unsubscribe();
      disposeDetails();
      node.remove();
    },
  };
}
