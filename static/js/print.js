// The printable estimate's "Print or save as PDF" button (the page prints without it too).
(function () {
    var button = document.querySelector("[data-print]");
    if (button) button.addEventListener("click", function () { window.print(); });
})();
