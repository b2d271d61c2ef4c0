// Shows a ballpark price range as the visitor picks a stone and types the area. The same sum
// is made on the server after sending, so nothing depends on this script.
(function () {
    var form = document.querySelector("[data-estimate-form]");
    var pricesScript = document.getElementById("material-prices");
    if (!form || !pricesScript) return;
    var prices = JSON.parse(pricesScript.textContent);
    var material = form.querySelector("[data-estimate=material]");
    var area = form.querySelector("[data-estimate=area]");
    var output = form.querySelector("[data-estimate-output]");
    if (!material || !area || !output) return;
    var dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

    function update() {
        var range = prices[material.value];
        var sqft = parseInt(area.value, 10);
        if (!range || !(sqft > 0) || sqft > 100000) {
            output.hidden = true;
            return;
        }
        var low = Math.floor((range[0] * sqft) / 50) * 50;
        var high = Math.ceil((range[1] * sqft) / 50) * 50;
        output.textContent = "Ballpark for " + sqft + " sq ft: " + dollars.format(low) + " – " + dollars.format(high) + ". Your written estimate may differ.";
        output.hidden = false;
    }
    material.addEventListener("change", update);
    area.addEventListener("input", update);
    update();
})();
