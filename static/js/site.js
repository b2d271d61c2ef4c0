// Opens and closes the main menu behind a button on small screens. The page arrives with the
// menu collapsed and the button shown, by CSS under the "js" class that base.html sets in the
// head: nothing moves when this script runs, and without JavaScript the menu stays open.
(function () {
    // After a failed form post, take keyboard and screen reader users to the list of problems.
    var summary = document.querySelector(".form__summary");
    if (summary) summary.focus();
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (!toggle || !list) return;
    var narrow = window.matchMedia("(max-width: 55.99em)");

    function setOpen(open) {
        toggle.setAttribute("aria-expanded", String(open));
        if (open || !narrow.matches) list.removeAttribute("data-collapsed");
        else list.setAttribute("data-collapsed", "");
    }
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
