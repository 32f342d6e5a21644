// Small enhancements only: every page works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so screen-reader users hear that the form was refused.
  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
