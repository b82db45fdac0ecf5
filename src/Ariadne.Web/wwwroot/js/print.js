// The content security policy forbids inline handlers, so print buttons are wired here.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
