// Tasklist draws its pages with AngularJS and tells nobody when a task, a form or a header has changed. The custom
// scripts that add to those pages (claim hint, due-date controls, saved drafts) look again after every change of the
// page, at most once a frame, so that a burst of changes costs one look.

export function onPageChange(look, alsoWatch = {}) {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        look();
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, ...alsoWatch});
}
