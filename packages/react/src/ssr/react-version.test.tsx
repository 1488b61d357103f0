import { cleanup, render, screen } from '@testing-library/react';
import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Usher } from '@usher/core';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { Loading } from '../control/Loading.tsx';

/**
 * The peer range is ^18.2 || ^19. The `react` project runs every test on React 19; the `react18`
 * project (vitest.config.ts) runs control/, hooks/ and ssr/ again with React 18 aliased in and
 * USHER_EXPECT_REACT_MAJOR=18, so a broken alias cannot pass for React 18 silently.
 */
const expectedMajor = process.env.USHER_EXPECT_REACT_MAJOR ?? '19';

describe(`React ${expectedMajor} compatibility`, () => {
  it('runs on the expected React and React DOM, one copy of each', () => {
    expect(version.split('.')[0]).toBe(expectedMajor);
    expect(domVersion).toBe(version);
  });

  it('Testing Library, React DOM and the components share that one React (hooks work through all of them)', () => {
    function Counter() {
      const [count] = useState(1);
      return <p>count {count}</p>;
    }
    // A load that never answers: this test is about React, not the API.
    const usher = new Usher({ frontendApi: '', fetch: () => new Promise<Response>(() => undefined), storage: null });
    try {
      render(
        <UsherProvider usher={usher}>
          <Loading>
            <Counter />
          </Loading>
        </UsherProvider>,
      );
      expect(screen.getByText('count 1')).toBeTruthy();
      expect(
        renderToString(
          <UsherProvider usher={usher}>
            <Loading>wait</Loading>
          </UsherProvider>,
        ),
      ).toBe('wait');
    } finally {
      cleanup();
      usher.destroy();
    }
  });
});
