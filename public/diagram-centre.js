// Progressive enhancement: a diagram wider than its box opens scrolled so that the page's
// own document (the box with the red border) is in the middle. Without JavaScript it
// opens at the left, with the scroll shadows and the hint above it as the cue.
(() => {
  for (const box of document.querySelectorAll('[data-diagram-scroll]')) {
    const centre = box.querySelector('.dg-center rect');
    if (!centre || box.scrollWidth <= box.clientWidth) continue;
    const outer = box.getBoundingClientRect();
    const inner = centre.getBoundingClientRect();
    box.scrollLeft += inner.left + inner.width / 2 - (outer.left + outer.width / 2);
  }
})();
