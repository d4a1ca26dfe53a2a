// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LazyDetails } from './lazy-details';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('LazyDetails', () => {
  let container: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const details = () => container.querySelector('details') as HTMLDetailsElement;
  const open = () =>
    act(() => {
      details().open = true;
      details().dispatchEvent(new Event('toggle'));
    });

  it('shows its summary, and its contents only once opened, then keeps them when closed', () => {
    act(() => root.render(<LazyDetails summary="Earlier questionnaires (3)">{<p>PHQ-9 answers</p>}</LazyDetails>));
    expect(container.querySelector('summary')?.textContent).toBe('Earlier questionnaires (3)');
    expect(container.textContent).not.toContain('PHQ-9 answers');
    open();
    expect(container.textContent).toContain('PHQ-9 answers');
    act(() => {
      details().open = false;
      details().dispatchEvent(new Event('toggle'));
    });
    expect(container.textContent).toContain('PHQ-9 answers');
  });
});
