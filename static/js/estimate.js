// Shows a ballpark price range as the visitor picks a stone and types the area. The prices,
// rounding and area limit come from the server (contact/estimates.py), which makes the same
// sum after sending, so nothing depends on this script.
(function () {
    var form = document.querySelector("[data-estimate-form]");
    var rulesScript = document.getElementById("ballpark-rules");
    if (!form || !rulesScript) return;
    var rules = JSON.parse(rulesScript.textContent);
    var material = form.querySelector("[data-estimate=material]");
    var area = form.querySelector("[data-estimate=area]");
    var output = form.querySelector("[data-estimate-output]");
    if (!material || !area || !output) return;
    var dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

    function update() {
        var range = rules.prices[material.value];
        var sqft = parseInt(area.value, 10);
        if (!range || !(sqft > 0) || sqft > rules.max_area) {
            output.hidden = true;
            return;
        }
        var low = Math.floor((range[0] * sqft) / rules.round_to) * rules.round_to;
        var high = Math.ceil((range[1] * sqft) / rules.round_to) * rules.round_to;
        output.textContent = "Ballpark for " + sqft + " sq ft: " + dollars.format(low) + " – " + dollars.format(high) + ". Your written estimate may differ.";
        output.hidden = false;
    }
    material.addEventListener("change", update);
    area.addEventListener("input", update);
    update();
})();
