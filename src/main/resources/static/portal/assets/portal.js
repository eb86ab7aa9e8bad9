// Small helpers of the portal's pages; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
  // A field with an error from the server gets the focus, so a screen reader reads the error next to it.
  const firstInvalid = document.querySelector('[aria-invalid="true"]');
  if (firstInvalid) {
    firstInvalid.focus();
  }
});
