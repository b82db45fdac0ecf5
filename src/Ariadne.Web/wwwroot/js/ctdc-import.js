// While the CTDC file uploads and is checked, ask the page how far the import is. The form posts normally: without this script the
// page shows the result when it is done.
(function () {
    var form = document.getElementById('ctdc-import');
    if (!form || !window.fetch) { return; }
    form.addEventListener('submit', function () {
        var job = form.querySelector('input[name=job]').value;
        var box = document.getElementById('progress');
        var bar = document.getElementById('progress-bar');
        var text = document.getElementById('progress-text');
        box.hidden = false;
        var poll = function () {
            fetch('?handler=Progress&job=' + encodeURIComponent(job), { credentials: 'same-origin' })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (p) {
                    if (p) {
                        bar.value = p.percent;
                        text.textContent = p.phase + ': ' + p.rowsChecked.toLocaleString() + ' rows checked, ' +
                            p.rowsImported.toLocaleString() + ' imported, ' + p.badRows.toLocaleString() + ' bad';
                    }
                    setTimeout(poll, 700);
                })
                .catch(function () { setTimeout(poll, 1500); });
        };
        setTimeout(poll, 300);
    });
})();
