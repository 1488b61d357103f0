import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Usher } from '@usher/core';
import { UsherProvider } from '@usher/react';
import { App } from './App.tsx';
import { push, replace } from './router.ts';
import './styles.css';

// Same origin: Vite proxies /v1 to the Usher server, so the __client cookie is first-party.
// The instance lives outside React so StrictMode's mount/unmount/mount does not destroy it.
const usher = new Usher({ frontendApi: window.location.origin });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UsherProvider usher={usher} routerPush={push} routerReplace={replace}>
      <App />
    </UsherProvider>
  </StrictMode>,
);
