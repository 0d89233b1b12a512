// Click a header to sort (numbers as numbers, "–" last); type in a table's box to keep only the rows
// that contain every word. Plain DOM, no library: the report must work offline. Loaded as a
// module script, so nothing leaks into the page's globals.
function key(cell) {
  var text = (cell.dataset.sort || cell.textContent).trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? parseFloat(text) : text.toLowerCase();
}
function compare(a, b) {
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  return typeof a === "number" ? -1 : 1;
}
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    th.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var body = table.tBodies[0];
      Array.prototype.slice.call(body.rows)
        .sort(function (a, b) { return dir * compare(key(a.cells[col]), key(b.cells[col])); })
        .forEach(function (row) { body.appendChild(row); });
    });
  });
});
document.querySelectorAll("input.filter").forEach(function (input) {
  var table = document.getElementById(input.dataset.table);
  var shown = document.getElementById(input.dataset.table + "-shown");
  input.addEventListener("input", function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), n = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var text = row.textContent.toLowerCase();
      row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      n += row.hidden ? 0 : 1;
    });
    if (shown) shown.textContent = n;
  });
});
document.documentElement.dataset.ready = "1";  // the browser test checks that the script ran
