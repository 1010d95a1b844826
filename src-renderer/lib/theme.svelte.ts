// Light or dark look: the system's choice unless the user picks one; remembered on this computer.
export type ThemeChoice = 'system' | 'light' | 'dark';

const THEME_KEY = 'debate-desk.theme';

function stored(): ThemeChoice {
  const value = localStorage.getItem(THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

class Theme {
  choice = $state<ThemeChoice>(stored());

  /** Sets data-theme on <html>; app.css turns it into color-scheme, which every light-dark() colour follows. */
  apply(): void {
    const root = document.documentElement;
    if (this.choice === 'system') root.removeAttribute('data-theme');
    else root.dataset.theme = this.choice;
  }

  choose(choice: ThemeChoice): void {
    this.choice = choice;
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
    this.apply();
  }
}

export const theme = new Theme();
