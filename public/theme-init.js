// Applies the reader's remembered theme and text size before the first paint
// (a classic script in <head>: modules run too late to avoid a flash).
// The keys match src/notebook/theme.ts.
(function () {
  var root = document.documentElement;
  var theme = null;
  var size = null;
  try {
    theme = localStorage.getItem('cnn-atlas.theme');
    size = localStorage.getItem('cnn-atlas.text-size');
  } catch (e) {
    // storage disabled: follow the system
  }
  var systemDark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  root.setAttribute('data-theme', theme === 'dark' || (theme !== 'light' && systemDark) ? 'dark' : 'light');
  if (size === 'large') root.setAttribute('data-text-size', 'large');
})();
