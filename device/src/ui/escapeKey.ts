/**
 * Escape in an app, when nothing inside used it first (a dialog or a suggestion list calls
 * preventDefault): `back()` goes back one level and returns true, or returns false at the app's top
 * level, where the app asks the shell to go to the home screen (a key pressed in a frame never reaches
 * the shell's own document).
 */
export function handleEscape(back: () => boolean): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (!back()) window.parent.postMessage({ type: 'gcds:home' }, '*');
  });
}
