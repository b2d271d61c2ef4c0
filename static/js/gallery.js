// Opens gallery photos in a lightbox dialog: arrow keys move, Escape closes, focus returns
// to the photo that opened it. Without JavaScript each photo link opens the large image.
(function () {
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-lightbox] .gallery__link"));
    if (!links.length || typeof HTMLDialogElement === "undefined") return;

    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", "Photo viewer");
    dialog.innerHTML =
        '<figure><img alt=""><figcaption></figcaption></figure>' +
        '<div class="lightbox__controls">' +
        '<button type="button" data-step="-1" aria-label="Previous photo">←</button>' +
        '<button type="button" data-close>Close</button>' +
        '<button type="button" data-step="1" aria-label="Next photo">→</button></div>';
    document.body.appendChild(dialog);
    var img = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var current = 0;
    var opener = null;

    function show(index) {
        current = (index + links.length) % links.length;
        var link = links[current];
        img.src = link.href;
        img.alt = link.dataset.alt || "";
        caption.textContent = link.dataset.caption + " (" + (current + 1) + " of " + links.length + ")";
    }

    links.forEach(function (link, index) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            opener = link;
            show(index);
            dialog.showModal();
            dialog.querySelector("[data-close]").focus();
        });
    });
    dialog.addEventListener("click", function (event) {
        var step = event.target.getAttribute("data-step");
        if (step) show(current + Number(step));
        else if (event.target.hasAttribute("data-close") || event.target === dialog) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
        if (event.key === "ArrowRight") show(current + 1);
        if (event.key === "ArrowLeft") show(current - 1);
    });
    dialog.addEventListener("close", function () {
        if (opener) opener.focus();
    });
})();
