// @vitest-environment happy-dom
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { act, Suspense, use } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from './panel-boundary';

// React runs effects and transitions to completion inside act() only where this is set.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Part({ data }: { data: Promise<string> }) {
  return <p>{use(data)}</p>;
}

/** Two streamed panels as the client page has them: each waits for its own part of one read. */
function Page({ journal, measures }: { journal: Promise<string>; measures: Promise<string> }) {
  return (
    <>
      <PanelBoundary title="Journal">
        <Suspense fallback={<p>Loading journal</p>}>
          <Part data={journal} />
        </Suspense>
      </PanelBoundary>
      <PanelBoundary title="Questionnaires">
        <Suspense fallback={<p>Loading questionnaires</p>}>
          <Part data={measures} />
        </Suspense>
      </PanelBoundary>
    </>
  );
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  // React reports each error a boundary catches; the failure is expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('a streamed panel whose part fails', () => {
  it('says so in plain words with a Retry button while the other panels render, and Retry asks the server again', async () => {
    const measures = Promise.resolve('PHQ-9 13 of 27');
    let journal: Promise<string> = Promise.reject(new Error('the journal could not be read'));
    journal.catch(() => undefined);
    const render = () =>
      root.render(
        <AppRouterContext.Provider value={router}>
          <Page journal={journal} measures={measures} />
        </AppRouterContext.Provider>,
      );
    // The server answers the refresh with the journal read again, successfully this time.
    const refresh = vi.fn(() => {
      journal = Promise.resolve('Slept badly again.');
      render();
    });
    const router = {
      refresh,
      push: vi.fn(),
      replace: vi.fn(),
      back: vi.fn(),
      forward: vi.fn(),
      prefetch: vi.fn(),
    } as unknown as AppRouterInstance;

    await act(async () => render());

    const failed = container.querySelector('section[aria-label="Journal"]');
    expect(failed?.textContent).toContain('This part of the page could not load.');
    expect(container.textContent).toContain('PHQ-9 13 of 27');
    expect(container.textContent).not.toContain('Loading questionnaires');
    const retry = [...container.querySelectorAll('button')].filter((b) => b.textContent === 'Retry');
    expect(retry).toHaveLength(1);

    await act(async () => retry[0]!.click());

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain('Slept badly again.');
    expect(container.textContent).not.toContain('could not load');
    expect(container.textContent).toContain('PHQ-9 13 of 27');
  });
});
