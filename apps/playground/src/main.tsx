import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Usher } from '@usher/core';
import { App } from './App.tsx';
import './styles.css';

// Same origin: Vite proxies /v1 to the Usher server, so the __client cookie is first-party.
const usher = new Usher({ frontendApi: window.location.origin });
void usher.load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App usher={usher} />
  </StrictMode>,
);
