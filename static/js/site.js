// Collapses the main menu behind a button on small screens. Without JavaScript the menu stays open.
// base.html sets the "js" class in the head, before the first paint, so the menu never jumps.
(function () {
    // After a failed form post, take keyboard and screen reader users to the list of problems.
    var summary = document.querySelector(".form__summary");
    if (summary) summary.focus();
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (!toggle || !list) return;
    toggle.hidden = false;
    var narrow = window.matchMedia("(max-width: 55.99em)");

    function setOpen(open) {
        toggle.setAttribute("aria-expanded", String(open));
        if (open || !narrow.matches) list.removeAttribute("data-collapsed");
        else list.setAttribute("data-collapsed", "");
    }
    setOpen(false);
    toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            toggle.focus();
        }
    });
    narrow.addEventListener("change", function () { setOpen(false); });
})();
