/**
 * A figure around a view: a title, a caption with units and axes, and a text
 * alternative that states what the view shows right now (the shape and value
 * range of a tensor). The text alternative is visible, under the caption, and
 * is the view's accessible description, so it is kept in step with the view.
 */
let figureCounter = 0;

export interface FigureSpec {
  readonly title: string;
  /** Units, axes and colour scale: 'x and y in cells; colour: value of H^1, blue negative, red positive.' */
  readonly caption?: string;
  /** What kind of view the body holds; the tests check that a '3d' or '2d' view draws. */
  readonly kind?: '3d' | '2d' | 'diagram';
}

export interface FigureHandle {
  readonly node: HTMLElement;
  /** Where the view goes. */
  readonly body: HTMLElement;
  /** Updates the text alternative: 'H^1: 16 x 16 x 1 x 8, values from -0.41 to 1.73.' */
  describe(text: string): void;
}

export function figure(container: HTMLElement, spec: FigureSpec): FigureHandle {
  const id = `figure-${++figureCounter}`;
  const node = document.createElement('figure');
  node.className = 'figure';
  if (spec.kind) node.dataset.figureKind = spec.kind;
  node.setAttribute('aria-labelledby', `${id}-title`);

  const body = document.createElement('div');
  body.className = 'figure__body';
  body.setAttribute('aria-describedby', `${id}-description`);

  const caption = document.createElement('figcaption');
  caption.className = 'figure__caption';
  const title = document.createElement('span');
  title.className = 'figure__title';
  title.id = `${id}-title`;
  title.textContent = spec.title;
  caption.append(title);
  if (spec.caption) {
    const text = document.createElement('span');
    text.className = 'figure__text';
    text.textContent = ` ${spec.caption}`;
    caption.append(text);
  }
  const description = document.createElement('span');
  description.className = 'figure__description';
  description.id = `${id}-description`;
  caption.append(description);

  node.append(body, caption);
  container.append(node);
  return {
    node,
    body,
    describe(text) {
      description.textContent = text;
    },
  };
}
