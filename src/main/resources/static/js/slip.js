// The approval slip's and the reimbursement statement's 打印 button: the browser's own print dialog,
// where "Save as PDF" gives a PDF with the Chinese fonts embedded. A static file: the pages' CSP is script-src 'self'.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
