// Progressive enhancement: a "copy" button for the citation line. Without JavaScript the
// line is still there to select by hand; the button is shown only when copying can work.
(() => {
  for (const box of document.querySelectorAll('[data-copy-box]')) {
    const button = box.querySelector('button[data-copy]');
    const source = box.querySelector('[data-copy-text]');
    const status = box.querySelector('[data-copy-status]');
    if (!button || !source || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        if (status) status.textContent = 'Đã chép trích dẫn.';
      } catch {
        if (status) status.textContent = 'Không chép được; hãy bôi đen dòng trích dẫn và chép thủ công.';
      }
    });
  }
})();
