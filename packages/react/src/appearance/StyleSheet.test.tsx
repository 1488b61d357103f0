import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { InlineStyleSheet } from './StyleSheet.tsx';

describe('the in-place stylesheet (React 18)', () => {
  const css = '@layer usher.base{.usher-formFieldRow>*{flex:1}.usher-x::after{content:"";font-family:"Segoe UI"}.usher-y{font-family:"a\\3c /style>"}}';

  it('writes raw CSS into server HTML: no entities, no way to close the element early', () => {
    const html = renderToString(<InlineStyleSheet id="usher-1" css={css} />);
    expect(html).toBe(`<style data-usher="usher-1">${css}</style>`);
    expect(renderToString(<InlineStyleSheet id="usher-2" css={'.x{content:"</style><script>"}'} />)).not.toContain('</style><script>');
  });

  it('hydrates its own server HTML without warnings', async () => {
    const error = vi.spyOn(console, 'error');
    const container = document.createElement('div');
    container.innerHTML = renderToString(<InlineStyleSheet id="usher-1" css={css} />);
    document.body.append(container);
    const root = await act(async () => hydrateRoot(container, <InlineStyleSheet id="usher-1" css={css} />));
    expect(error).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
    error.mockRestore();
  });
});
