// The main window's constructor options as a pure function, so a unit test can check every security-relevant one.
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Debate Desk',
    backgroundColor: '#f7f5f0',
    // Shown on 'ready-to-show': no white flash, and no window at all if the page never loads.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
