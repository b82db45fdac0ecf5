// After a change the page comes back at the section that was worked on (#anchor), far below the confirmation at
// the top. Move the confirmation into that section, under its heading, so the person sees it where they are.
(function () {
    var message = document.getElementById("message");
    var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!message || !target || target.contains(message)) {
        return;
    }
    var heading = target.querySelector("h2, h3");
    if (heading && heading.parentNode === target) {
        heading.insertAdjacentElement("afterend", message);
    } else {
        target.insertAdjacentElement("afterbegin", message);
    }
    message.setAttribute("tabindex", "-1");
    message.focus({ preventScroll: true });
    message.scrollIntoView({ block: "nearest" });
})();
