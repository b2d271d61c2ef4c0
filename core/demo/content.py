"""Demo content for the L&M Granite and Marble site: plain Python data, no Django imports."""

# Titles, introductions and summaries are plain text. Rich text values are HTML strings using
# only <p>, <a href>, <b>, <i>, <ul>, <ol>, <li>.
# StreamField bodies are lists of {"type": ..., "value": ...} dicts with these block types:
#   {"type": "heading", "value": {"text": "...", "level": "h2"}}          # level "h2" or "h3"
#   {"type": "paragraph", "value": "<p>...</p>"}
#   {"type": "quote", "value": {"quote": "...", "attribution": "..."}}
#   {"type": "faq", "value": {"question": "...", "answer": "<p>...</p>"}}      # services and FAQ page only
#   {"type": "cta", "value": {"heading": "...", "text": "...", "button_label": "..."}}  # services only
#   {"type": "footnote", "value": {"text": "<p>...</p>", "source": 2}}   # articles only; 1-based source index
#   {"type": "image", "value": {"image": "<IMAGE KEY>", "caption": "..."}}
# Every image key used anywhere is defined in IMAGES at the end of this module; its photo is
# core/demo/photos/<key>.jpg.
# Testimonials are samples; prices are ballpark figures an editor is expected to set.


def _h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _h3(text):
    return {"type": "heading", "value": {"text": text, "level": "h3"}}


def _p(html):
    return {"type": "paragraph", "value": html}


def _quote(quote, attribution):
    return {"type": "quote", "value": {"quote": quote, "attribution": attribution}}


def _faq(question, answer):
    return {"type": "faq", "value": {"question": question, "answer": answer}}


def _cta(heading, text, button_label="Request an estimate"):
    return {
        "type": "cta",
        "value": {"heading": heading, "text": text, "button_label": button_label},
    }


def _note(text, source):
    return {"type": "footnote", "value": {"text": text, "source": source}}


def _image(key, caption):
    return {"type": "image", "value": {"image": key, "caption": caption}}


# --------------------------------------------------------------------------------------------
# Business
# --------------------------------------------------------------------------------------------

BUSINESS = {
    "name": "L&M Granite and Marble",
    "tagline": "Granite, marble, quartz, quartzite and soapstone countertops, cut and installed",
    "phone": "678.372.5976",
    "email": "info@example.com",
    "street": "123 Example Street (sample address)",
    "city": "Sampletown",
    "region": "GA",
    "postal_code": "30000",
    "service_area": "the greater Atlanta area and nearby communities",
    # Metro Atlanta's ZIP codes start with these digits.
    "service_zip_codes": "300, 301, 302, 303, 305, 306, 311",
    "estimate_cta": "Call for your estimate today!",
    "opening_hours": [
        {"day": "monday", "opens": "08:00", "closes": "17:00"},
        {"day": "tuesday", "opens": "08:00", "closes": "17:00"},
        {"day": "wednesday", "opens": "08:00", "closes": "17:00"},
        {"day": "thursday", "opens": "08:00", "closes": "17:00"},
        {"day": "friday", "opens": "08:00", "closes": "17:00"},
        {"day": "saturday", "opens": "09:00", "closes": "13:00"},
    ],
    "social_links": [
        {"platform": "facebook", "url": "https://www.facebook.com/"},
    ],
}

HOME = {
    "seo_title": f"{BUSINESS['name']}: countertops in granite, marble and quartz",
    "headline": "Stone countertops for kitchens, bathrooms and outdoor kitchens",
    "introduction": (
        "We measure, cut and install countertops in granite, marble, quartz, quartzite and "
        "soapstone. Tell us about your kitchen, bathroom or outdoor space, look through photos "
        "of our work, and compare the stones side by side. When you are ready, give us a "
        "call or send a request online."
    ),
    "hero_image": "hero-kitchen",
}

# --------------------------------------------------------------------------------------------
# Materials
# --------------------------------------------------------------------------------------------

MATERIALS_PAGE = {
    "title": "Materials",
    "introduction": (
        "How the stones we work with compare on looks, toughness, care and price, so you can "
        "choose with confidence."
    ),
    "hero_image": "material-quartzite",
}

MATERIALS = [
    {
        "slug": "granite",
        "name": "Granite",
        "summary": (
            "A hard natural stone with visible crystals in hundreds of colors. Handles heat, "
            "knives and daily use well, and resists stains once sealed."
        ),
        "description": (
            "<p>Granite is an igneous rock: it formed when molten rock cooled slowly deep "
            "underground. The slow cooling let crystals of quartz, feldspar and mica grow large "
            "enough to see, which gives granite its grainy, speckled look. In the countertop "
            "trade the word is used loosely for many hard, crystalline stones, including banded "
            "gneiss and the dark gabbro that is sold as black granite.</p>"
            "<p>Colors run from almost white through gold, green, blue and red to solid black, "
            "and patterns range from even speckles to bold swirls. No two slabs are the same, so "
            "it is worth seeing the actual slabs before you decide.</p>"
            "<p>Granite suits busy family kitchens, outdoor kitchens and bathrooms. It is one of "
            "the most forgiving stones for people who cook a lot and do not want to fuss over "
            "their counters.</p>"
        ),
        "durability": 5,
        "heat_resistance": 4,
        "stain_resistance": 4,
        "upkeep": "low",
        "care_notes": (
            "<ul>"
            "<li>Clean with warm water and a little dish soap, then dry with a soft cloth.</li>"
            "<li>Check the seal once or twice a year: if a few drops of water darken the stone "
            "within several minutes, it is time to reseal.</li>"
            "<li>Skip bleach, ammonia and scouring powders; over time they wear down the "
            "sealer.</li>"
            "<li>Use a trivet for very hot pans, especially near seams and sink cutouts.</li>"
            "<li>Do not sit or stand on overhangs that have no support underneath.</li>"
            "</ul>"
        ),
        "price_low": 45,
        "price_high": 95,
    },
    {
        "slug": "marble",
        "name": "Marble",
        "summary": (
            "Classic veined stone that is softer than granite. Acids such as lemon juice and "
            "wine etch it, so it suits people who like a surface that wears in over time."
        ),
        "description": (
            "<p>Marble is a metamorphic rock. It started as limestone, and heat and pressure deep "
            "in the earth recrystallized it into a dense mass of calcite crystals. Nearly pure "
            "marble is white; small amounts of other minerals give it gray, gold or green "
            "veins. Well-known Italian varieties include Carrara, Statuario and Calacatta.</p>"
            "<p>Because marble is made of calcite, acidic foods and drinks react with it and "
            "leave dull marks called etches. Etching is a change in the surface, not a stain, "
            "and sealing does not prevent it. A honed (matte) finish shows etching much less "
            "than a polished one.</p>"
            "<p>Marble is a favorite for bathroom vanities, fireplace surrounds and baking "
            "stations, and many people choose it for whole kitchens knowing it will develop a "
            "lived-in patina.</p>"
        ),
        "durability": 3,
        "heat_resistance": 3,
        "stain_resistance": 2,
        "upkeep": "high",
        "care_notes": (
            "<ul>"
            "<li>Wipe up wine, coffee, citrus, vinegar and tomato right away.</li>"
            "<li>Use coasters under glasses and a board for cutting fruit.</li>"
            "<li>Clean with a pH-neutral stone cleaner or mild dish soap; avoid vinegar and "
            "bathroom cleaners that contain acid.</li>"
            "<li>Check the seal every few months and reseal when water starts to soak in.</li>"
            "<li>Etch marks and dull spots can usually be honed or polished out by a stone "
            "professional.</li>"
            "</ul>"
        ),
        "price_low": 60,
        "price_high": 130,
    },
    {
        "slug": "quartz",
        "name": "Quartz",
        "summary": (
            "Engineered stone made from crushed quartz and resin. Even color, no sealing, very "
            "stain resistant; keep hot pans off it and keep it out of direct sun."
        ),
        "description": (
            "<p>Quartz countertops are engineered stone. Manufacturers mix crushed natural quartz "
            "with a polymer resin and pigments, press the mix into slabs under vacuum and cure "
            "it. Most of the slab by weight is quartz; the resin binds it together.</p>"
            "<p>Because the slabs are made in a factory, color and pattern are consistent from "
            "one slab to the next. Styles range from solid whites and grays to designs that "
            "imitate marble veining. The surface is not porous, so it needs no sealing and "
            "resists stains very well.</p>"
            "<p>Quartz suits busy indoor kitchens, bathrooms and laundry rooms. The resin is its "
            "weak point: high heat can scorch or discolor it, and strong sunlight can fade or "
            "yellow some colors, so it is usually not recommended for outdoor kitchens.</p>"
        ),
        "durability": 4,
        "heat_resistance": 2,
        "stain_resistance": 5,
        "upkeep": "low",
        "care_notes": (
            "<ul>"
            "<li>Clean with warm water and mild dish soap; no sealer is needed.</li>"
            "<li>Always put hot pans, slow cookers and air fryers on a trivet or board.</li>"
            "<li>Avoid oven cleaner, paint stripper, bleach and other harsh chemicals.</li>"
            "<li>Scrape off dried food or paint gently with a plastic scraper.</li>"
            "<li>Cut on a board: quartz resists scratches, but it will dull your knives.</li>"
            "</ul>"
        ),
        "price_low": 55,
        "price_high": 110,
    },
    {
        "slug": "quartzite",
        "name": "Quartzite",
        "summary": (
            "A very hard natural stone that often looks like marble. Tougher and less prone to "
            "etching than marble, but it still needs sealing."
        ),
        "description": (
            "<p>Quartzite is a metamorphic rock that began as quartz-rich sandstone. Heat and "
            "pressure fused the sand grains into a dense, very hard stone. Many quartzites have "
            "soft white, gray or tan backgrounds with flowing veins, which is why people who "
            "love the look of marble often consider them.</p>"
            "<p>A word of caution: some stones sold as quartzite are really marble or dolomite, "
            "which are softer and etch. Before you commit, ask for a sample and test it, or ask "
            "us to: true quartzite scratches glass and is not dulled by a drop of lemon "
            "juice.</p>"
            "<p>Quartzite suits kitchens that get heavy use, including outdoor kitchens. Its "
            "porosity varies from slab to slab, so it should be sealed.</p>"
        ),
        "durability": 5,
        "heat_resistance": 4,
        "stain_resistance": 3,
        "upkeep": "medium",
        "care_notes": (
            "<ul>"
            "<li>Seal after installation and check the seal once or twice a year with a few "
            "drops of water.</li>"
            "<li>Clean with mild dish soap or a pH-neutral stone cleaner.</li>"
            "<li>Wipe up oil and colored liquids promptly; some slabs absorb more than "
            "others.</li>"
            "<li>Use trivets for hot pans as a good habit.</li>"
            "<li>Be careful with heavy pots near edges: very hard stone can chip under a sharp "
            "knock.</li>"
            "</ul>"
        ),
        "price_low": 70,
        "price_high": 150,
    },
    {
        "slug": "soapstone",
        "name": "Soapstone",
        "summary": (
            "A soft, dense, smooth stone in gray and charcoal tones. Shrugs off heat and most "
            "chemicals; scratches easily, but scratches sand out."
        ),
        "description": (
            "<p>Soapstone is a metamorphic rock rich in talc, the mineral that gives it a smooth, "
            "slightly soapy feel. Countertop soapstone also contains harder minerals, which make "
            "it firmer than the carving soapstone used for sculpture.</p>"
            "<p>It comes in soft grays, blue-grays and gray-greens, often with faint white or "
            "green veins. Left alone it darkens slowly with use; many owners rub it with mineral "
            "oil to darken it evenly to a deep charcoal.</p>"
            "<p>Soapstone is dense and not porous, so it does not need sealing, and hot pans and "
            "most acids do not harm it. It suits traditional and farmhouse kitchens, sinks, "
            "hearths and anyone who prefers a surface that shows its history.</p>"
        ),
        "durability": 3,
        "heat_resistance": 5,
        "stain_resistance": 4,
        "upkeep": "low",
        "care_notes": (
            "<ul>"
            "<li>Clean with water and mild dish soap; no sealer is needed.</li>"
            "<li>Mineral oil is optional: it darkens the stone evenly and hides water "
            "marks.</li>"
            "<li>Light scratches rub out with a damp cloth; deeper ones can be sanded with "
            "fine sandpaper and re-oiled.</li>"
            "<li>Choose eased or rounded edges; sharp corners dent and chip more easily.</li>"
            "<li>Use a cutting board, since knives leave marks in soft stone.</li>"
            "</ul>"
        ),
        "price_low": 70,
        "price_high": 120,
    },
]

# --------------------------------------------------------------------------------------------
# Services
# --------------------------------------------------------------------------------------------

_CALL_TEXT = "Call us for your estimate today, or send us a few details online."

SERVICES_INDEX = {
    "title": "Services",
    "introduction": (
        "From the first measurement to the last bead of sealant, one team templates, cuts and "
        "installs your stone."
    ),
}

SERVICES = [
    {
        "slug": "kitchen-countertops",
        "title": "Kitchen countertops",
        "summary": (
            "New stone countertops for your kitchen: help choosing a slab, templating, "
            "fabrication, sink and cooktop cutouts, and installation."
        ),
        "introduction": (
            "The kitchen is where most of our work happens. We help you choose a stone that "
            "fits how you cook, then template, cut and install it so it fits your cabinets, sink "
            "and appliances."
        ),
        "materials": ["granite", "marble", "quartz", "quartzite", "soapstone"],
        "hero_image": "gallery-09",
        "body": [
            _h2("What a kitchen project includes"),
            _p(
                "<p>A kitchen job starts with a visit to look at your cabinets, sink and "
                "appliances and to talk about stone, edges and budget. You pick your slab or "
                "color, and once the cabinets are set and level we make an exact template of "
                "every run. The stone is cut to that template, including openings for the sink "
                "and cooktop. On installation day the pieces are set, seams are joined and "
                "color-matched, and natural stone is sealed where it needs it.</p>"
            ),
            _h3("Choosing a stone for the way you cook"),
            _p(
                "<p>If you cook every day and want the least worry, granite and quartzite are "
                "hard to beat. Quartz gives an even color and never needs sealing, but it does "
                "not like hot pans. Marble is beautiful and etches with acidic foods, which some "
                "people love and others do not. Soapstone handles heat and chemicals well and "
                'scratches easily. Our <a href="/materials/">materials page</a> compares them '
                "side by side.</p>"
            ),
            _h3("Sinks, cooktops and backsplashes"),
            _p(
                "<p>Undermount sinks are the most common choice with stone because crumbs wipe "
                "straight into the bowl. Have your sink, faucet and cooktop on site, or at least "
                "their model numbers, before templating so the cutouts and faucet holes are "
                "right. Backsplashes can be a short strip of matching stone or run full height "
                "to the upper cabinets.</p>"
            ),
            _faq(
                "How long does a kitchen countertop project take?",
                "<p>It depends on the stone and on the schedule at the time. Most of the wait is "
                "between templating and installation while the stone is cut. We give you an "
                "installation date when we template, and installing a typical kitchen takes "
                "about a day.</p>",
            ),
            _faq(
                "What happens to my old countertops?",
                "<p>In almost every case the old tops come off before we template. Removal and "
                "disposal can be included in your estimate; just ask.</p>",
            ),
            _faq(
                "Do I need a plumber?",
                "<p>Usually, yes. The sink, faucet and disposal are disconnected before the "
                "old tops come off and reconnected after the new stone is in. Ask us when you "
                "call and we will explain how to plan for it.</p>",
            ),
            _cta("Planning a new kitchen?", _CALL_TEXT),
        ],
        "featured": True,
    },
    {
        "slug": "bathroom-vanities",
        "title": "Bathroom vanities",
        "summary": (
            "Stone vanity tops, backsplashes, tub decks and shower curbs for bathrooms of every "
            "size, with undermount or vessel sink cutouts."
        ),
        "introduction": (
            "A bathroom needs less stone than a kitchen, which makes it a good place to use a "
            "special slab. We make vanity tops, backsplashes, tub decks, shower curbs and window "
            "sills."
        ),
        "materials": ["marble", "granite", "quartz", "quartzite"],
        "hero_image": "gallery-04",
        "body": [
            _h2("Vanity tops that fit"),
            _p(
                "<p>Bathroom walls are rarely perfectly square, so we measure or template every "
                "vanity rather than cutting to a catalog size. We cut openings for undermount "
                "sinks, vessel sinks and faucets, and can add a matching backsplash and side "
                "splash so water has nowhere to go but the sink.</p>"
            ),
            _h3("Which stone works best in a bathroom"),
            _p(
                "<p>Marble has been used in bathrooms for a very long time, and a vanity is "
                "one of the places it works best: there is less acid from food, and a honed "
                "finish hides the occasional mark from toothpaste or cleaners. Quartz and "
                "granite are easy choices for children's and guest bathrooms. Quartzite gives a "
                "marble look with more toughness.</p>"
            ),
            _h3("Small jobs and remnants"),
            _p(
                "<p>Leftover pieces from larger jobs, called remnants, are often big enough for a "
                "single vanity. If you are flexible about color, ask whether a remnant fits; it "
                "can lower the cost of a small project. Shower curbs, benches and niche shelves "
                "can often be cut from the same piece as the vanity so everything matches.</p>"
            ),
            _faq(
                "Can I use a remnant for my vanity?",
                "<p>Often, yes, if the piece is large enough and you like one of the colors we "
                "have on hand. Tell us the vanity size when you call and we will check.</p>",
            ),
            _faq(
                "Is marble a good idea for a bathroom?",
                "<p>It is one of the best places for it. Wipe up cosmetics and cleaners "
                "promptly, avoid acidic cleaners, and choose a honed finish if you want marks to "
                "show less.</p>",
            ),
            _faq(
                "Do you install the sink and faucet?",
                "<p>We cut the openings and set undermount sinks in the stone. Connecting the "
                "faucet and drain is plumbing work, so plan for a plumber after "
                "installation.</p>",
            ),
            _cta("Updating a bathroom?", _CALL_TEXT),
        ],
        "featured": True,
    },
    {
        "slug": "outdoor-kitchens",
        "title": "Outdoor kitchens",
        "summary": (
            "Weather-ready stone tops for outdoor kitchens, grill islands and bars, with cutouts "
            "for grills, side burners and sinks."
        ),
        "introduction": (
            "Outdoor counters deal with sun, rain, pollen, grease and winter cold. We help you "
            "pick a stone that can take it and cut it to fit your grill island or bar."
        ),
        "materials": ["granite", "quartzite", "soapstone"],
        "hero_image": "gallery-10",
        "body": [
            _h2("Picking a stone that lives outside"),
            _p(
                "<p>Granite is the most common choice outdoors: it is dense, handles heat from "
                "the grill, and does not fade in the sun. Many quartzites and soapstones also do "
                "well. We usually steer people away from engineered quartz outside, because "
                "strong sunlight can discolor the resin, and from polished marble, which etches "
                "and weathers.</p>"
            ),
            _h3("Finishes for the outdoors"),
            _p(
                "<p>A honed or leathered finish has less glare in bright sun than a polished "
                "one and hides water spots and fingerprints. Darker stones can get hot in direct "
                "afternoon sun, so think about shade if you plan to lean on the counter. Lighter "
                "stones stay cooler but show grease and pollen sooner, so regular wiping "
                "matters more.</p>"
            ),
            _h3("Working with your builder"),
            _p(
                "<p>The base of an outdoor kitchen is usually built by a mason or outdoor "
                "kitchen contractor. We template once the base is finished and the grill and "
                "other appliances are chosen, so the cutouts match the equipment. Bring the "
                "cutout sizes from the grill's installation guide, and plan overhangs with "
                "proper support underneath.</p>"
            ),
            _faq(
                "Can I use quartz outdoors?",
                "<p>Most quartz makers do not recommend it in direct sun, because ultraviolet "
                "light can change the color of the resin. Granite, quartzite or soapstone are "
                "safer choices.</p>",
            ),
            _faq(
                "Do outdoor countertops need sealing?",
                "<p>Granite and quartzite outdoors should be sealed and checked each year, since "
                "rain, grease and pollen all reach them. Soapstone does not need sealing.</p>",
            ),
            _cta("Building an outdoor kitchen?", _CALL_TEXT),
        ],
        "featured": True,
    },
    {
        "slug": "fabrication-and-edge-profiles",
        "title": "Fabrication and edge profiles",
        "summary": (
            "Cutting stone to your template with the edge and finish you choose: eased, "
            "bevel, bullnose, ogee, mitered edges, and polished, honed or leathered surfaces."
        ),
        "introduction": (
            "Fabrication is everything that turns a raw slab into your countertop: cutting, "
            "seam planning, sink and cooktop openings, edges and finish. Here is what you can "
            "choose."
        ),
        "materials": ["granite", "marble", "quartz", "quartzite", "soapstone"],
        "hero_image": "gallery-19",
        "body": [
            _h2("Edge profiles"),
            _p(
                "<p>The edge is the part of the counter you touch most. Common profiles "
                "are:</p>"
                "<ul>"
                "<li><b>Eased:</b> a square edge with the sharp corners softened. Clean and "
                "modern.</li>"
                "<li><b>Bevel:</b> a small angled cut along the top corner.</li>"
                "<li><b>Half or full bullnose:</b> rounded over, gentle on hips and "
                "children.</li>"
                "<li><b>Ogee:</b> a traditional S-shaped curve.</li>"
                "<li><b>Mitered:</b> a strip of stone joined at 45 degrees so the counter looks "
                "thicker than the slab.</li>"
                "</ul>"
            ),
            _h2("Surface finishes"),
            _p(
                "<p><b>Polished</b> stone is glossy and shows the color most strongly. "
                "<b>Honed</b> stone is smooth and matte and hides etching and scratches better. "
                "<b>Leathered</b> stone has a soft texture you can feel and hides fingerprints. "
                "Not every stone is offered in every finish, so ask before you fall in love with "
                "one. Samples help: look at them in your own kitchen light before you "
                "decide.</p>"
            ),
            _h3("Seams and layout"),
            _p(
                "<p>Slabs have a maximum size, so longer runs and L-shaped counters need seams. "
                "We plan them with you before cutting, keeping them away from sinks and "
                "cooktops where we can and matching the veining where the stone allows.</p>"
            ),
            _faq(
                "Do some edges cost more?",
                "<p>Often, yes. Simple eased and bevel edges take less shop time than an ogee or a "
                "mitered edge. Your estimate shows the edge you picked.</p>",
            ),
            _faq(
                "Can you match the edge on my existing counters?",
                "<p>Usually. Bring a photo or let us see the counter, and we will tell you how "
                "close we can get.</p>",
            ),
            _cta("Not sure which edge to pick?", _CALL_TEXT, "Ask about edges"),
        ],
        "featured": False,
    },
    {
        "slug": "repair-and-restoration",
        "title": "Repair and restoration",
        "summary": (
            "Fixing chips, cracks, failed seams, etch marks and dull spots on natural stone and "
            "quartz countertops."
        ),
        "introduction": (
            "Stone lasts a long time, but accidents happen. Many chips, dull spots and loose "
            "seams can be repaired without replacing the countertop."
        ),
        "materials": ["granite", "marble", "quartz", "quartzite", "soapstone"],
        "hero_image": "gallery-02",
        "body": [
            _h2("What we repair"),
            _p(
                "<ul>"
                "<li><b>Chips</b> along edges and around sinks, filled with color-matched resin "
                "and polished flush.</li>"
                "<li><b>Seams</b> that have opened, sunk or lost their filler.</li>"
                "<li><b>Etch marks and dull spots</b> on marble, honed or polished out.</li>"
                "<li><b>Cracks</b>, which can sometimes be stabilized and filled.</li>"
                "<li><b>Tired finishes</b> on older marble and granite, restored by honing and "
                "polishing.</li>"
                "</ul>"
            ),
            _h3("What to expect from a repair"),
            _p(
                "<p>A good repair makes damage hard to find, but it cannot always make it "
                "disappear. Busy, speckled granites hide repairs well; solid colors and white "
                "stones show them more. We will look at the damage, tell you honestly what "
                "result to expect, and give you a price before we start.</p>"
            ),
            _h3("When replacement makes more sense"),
            _p(
                "<p>If a piece is badly broken, replacing it may be the better answer. Matching a "
                "natural stone years later can be difficult, because each slab is different, so "
                "we will talk about options such as replacing a whole run or an island top.</p>"
            ),
            _faq(
                "Can you fix a chip in my granite?",
                "<p>Most chips can be filled and polished so they are hard to spot. Keep the "
                "broken piece if you find it; sometimes it can be glued back in.</p>",
            ),
            _faq(
                "Can etch marks on marble be removed?",
                "<p>Yes, in most cases. Etching is surface damage, so it can be honed and "
                "re-polished. Deep or widespread etching takes longer than a few small rings.</p>",
            ),
            _faq(
                "Can a cracked countertop be saved?",
                "<p>Sometimes. It depends on why it cracked, where the crack is and whether the "
                "cabinets underneath are sound. We will look before promising anything.</p>",
            ),
            _cta(
                "Have a chip or crack?",
                "Send us a photo or give us a call and we will tell you what can be done.",
            ),
        ],
        "featured": False,
    },
    {
        "slug": "sealing-and-maintenance",
        "title": "Sealing and maintenance",
        "summary": (
            "Sealing natural stone, checking old seals, deep cleaning and advice on everyday "
            "care for granite, marble, quartzite, quartz and soapstone."
        ),
        "introduction": (
            "A little care keeps stone looking good for decades. We seal natural stone, "
            "check and renew old seals, and show you how to care for your counters day to "
            "day."
        ),
        "materials": ["granite", "marble", "quartzite", "quartz", "soapstone"],
        "hero_image": "gallery-22",
        "body": [
            _h2("Which stones need sealing"),
            _p(
                "<p>Marble and quartzite should be sealed. Many granites should be too, though a "
                "few very dense ones barely absorb anything. Quartz and soapstone are not "
                "porous and never need sealing. A sealer soaks into the stone and slows down how "
                "fast liquids are absorbed. It does not make stone stain-proof, and it does not "
                "stop acids from etching marble.</p>"
            ),
            _h3("The water test"),
            _p(
                "<p>Pour a few drops of water on a spot you use often, such as beside the sink, "
                "and wait several minutes. If the stone darkens under the water, it is "
                "absorbing, and it is time to reseal. If the water beads up and the stone stays "
                "the same color, the seal is still working.</p>"
            ),
            _h3("Everyday care"),
            _p(
                "<p>Warm water and a little dish soap are enough for daily cleaning on any of "
                "these surfaces. Avoid vinegar, lemon-based sprays and bathroom cleaners on "
                "marble, and avoid bleach and scouring powders on sealed stone. Each stone on our "
                '<a href="/materials/">materials page</a> has its own short list of care '
                "tips.</p>"
            ),
            _faq(
                "How often should I seal my countertops?",
                "<p>There is no single schedule, because stones absorb at different rates. Do "
                "the water test once or twice a year and reseal when the stone darkens.</p>",
            ),
            _faq(
                "Do quartz countertops need sealing?",
                "<p>No. Quartz is not porous. Clean it with mild soap and water and keep hot pans "
                "off it.</p>",
            ),
            _faq(
                "Can I seal my countertops myself?",
                "<p>Yes. Stone sealers are sold at home improvement stores; follow the label "
                "and wipe off the excess. If you would rather not, we can do it for you.</p>",
            ),
            _cta("Want your stone checked?", _CALL_TEXT, "Book a visit"),
        ],
        "featured": False,
    },
]

# --------------------------------------------------------------------------------------------
# Articles (history series)
# --------------------------------------------------------------------------------------------

BLOG = {
    "title": "Stone history",
    "introduction": (
        "Short, sourced articles on where countertop stones come from and how people have used "
        "them. Every article lists its sources and was checked before it went up."
    ),
}

ARTICLES = [
    {
        "slug": "treaty-of-moscow-1921",
        "title": "The Treaty of Moscow, 1921: how a border in the Caucasus was drawn",
        "date": "2026-01-15",
        "last_reviewed": "2026-02-02",
        "author": "L&M Granite and Marble",
        "introduction": (
            "In March 1921 the Ankara government of Mustafa Kemal and Lenin's Russian republic "
            "signed a treaty that settled a border across a volcanic highland. An earlier version "
            "of this page got the facts wrong; this is the corrected story, with its sources."
        ),
        "hero_image": "material-quartzite",
        "tags": ["history"],
        "body": [
            _h2("Why a countertop shop writes about a treaty"),
            _p(
                "<p>Our history series is mostly about stone: where it is quarried, how it "
                "travels and who shaped it. Borders are part of that story, because they decide "
                "who owns a quarry, which port ships its blocks and which way a road runs. The "
                "Treaty of Moscow of 1921 drew a border across the highlands of eastern Anatolia "
                "and the southern Caucasus, a landscape of volcanic plateaus and old stone "
                "cities.</p>"
                "<p>It is also a good example of why every article on this site lists its "
                "sources. An earlier version of this page mixed up the year, the countries and "
                "the people involved. We rewrote it from the references listed below, and it "
                "was checked before going back online.</p>"
            ),
            _h2("Two governments, neither of them yet a state as we know it"),
            _p(
                "<p>The treaty was signed in Moscow on 16 March 1921. One party was the "
                "Grand National Assembly of Turkey, the government that had formed in Ankara "
                "in 1920 under Mustafa Kemal, later known as Atatürk, while the Ottoman "
                "sultan's government still sat in Istanbul. The other party was the Russian "
                "Socialist Federative Soviet Republic, usually shortened to the Russian SFSR, "
                "the Bolshevik state led by Vladimir Lenin.</p>"
                "<p>It is tempting to call the two sides the Soviet Union and the Republic of "
                "Turkey, but neither existed yet. The Soviet Union was formed in December 1922, "
                "and the Republic of Turkey was proclaimed in October 1923. In 1921 both "
                "governments were revolutionary regimes still fighting wars, and both were "
                "largely shut out by the Western powers. That shared isolation is a large part "
                "of why they came to terms. In the same period Moscow supplied the Ankara "
                "government with money and weapons for its war against Greece.</p>"
            ),
            _h2("Who signed it"),
            _p(
                "<p>For the Russian side the treaty was signed by Georgy Chicherin, the People's "
                "Commissar for Foreign Affairs, and by Jalaleddin Korkmasov, a Bolshevik from "
                "Dagestan. For the Ankara government it was signed by Yusuf Kemal, Rıza Nur and "
                "Ali Fuat.</p>"
            ),
            _note(
                "<p>Readers who look these men up will often find them as Yusuf Kemal "
                "<i>Tengirşenk</i> and Ali Fuat <i>Cebesoy</i>. Those surnames came later: "
                "Turkish families were required to adopt surnames only by the Surname Law of "
                "1934.</p>",
                3,
            ),
            _h2("What the treaty settled"),
            _p(
                "<p>Much of the text dealt with the border between the Ankara government and "
                "the Caucasus republics that had come under Bolshevik control. The main "
                "points were these:</p>"
                "<ul>"
                "<li><b>Kars and Ardahan</b>, districts the Russian Empire had taken from the "
                "Ottoman Empire after the war of 1877–78, were recognized as Turkish.</li>"
                "<li><b>Batumi</b>, the Black Sea port, went to Georgia, by then a Soviet "
                "republic, on condition that its region receive local autonomy.</li>"
                "<li><b>Nakhchivan</b> became an autonomous territory under the protection of "
                "Azerbaijan.</li>"
                "<li><b>The Straits</b>, the Bosporus and the Dardanelles, were not settled; "
                "their status was left to a later conference.</li>"
                "</ul>"
            ),
            _h2("Kars: the same lines, signed again"),
            _p(
                "<p>Armenia, Azerbaijan and Georgia had become Soviet republics, but in 1921 "
                "they were still formally separate from Russia. The border therefore had to be "
                "confirmed with them directly. That was done in the Treaty of Kars, signed on 13 "
                "October 1921 by the Ankara government and the three Transcaucasian republics, "
                "with a representative of the Russian SFSR taking part. It restated the lines "
                "agreed in Moscow, and Turkey's borders with Georgia, Armenia and Nakhchivan "
                "still largely follow them today.</p>"
            ),
            _note(
                "<p>The Treaty of Kars is sometimes confused with the Moscow treaty. Moscow "
                "came first and was between Ankara and the Russian SFSR; Kars followed in "
                "October and brought in the three Caucasus republics.</p>",
                2,
            ),
            _h2("Where the stone comes in"),
            _p(
                "<p>Travelers to Kars province can see why the region interests people who work "
                "with stone. The ruins of Ani, a medieval city with churches, walls and a "
                "cathedral built from the region's volcanic stone, stand on a plateau above the "
                "Akhurian River. Because of the lines drawn in 1921, that river is now the "
                "border between Turkey and Armenia, and visitors on one bank can look across at "
                "the other. On the Armenian side, the same family of volcanic stone, known as "
                "tuff, is still widely used for building, and it gives many buildings in the "
                "capital, Yerevan, their pink and orange color.</p>"
            ),
            _note(
                "<p>Ani is now an archaeological site and is listed by UNESCO as a World "
                "Heritage Site.</p>",
                5,
            ),
            _h2("A note on corrections"),
            _p(
                "<p>We fit stone for kitchens, not treaties, but the same rule applies to both: "
                "check the measurements before you cut. If you spot a mistake in any of our "
                "articles, call us or use the contact form, and we will look into it and correct "
                "the page.</p>"
            ),
        ],
        "sources": [
            {
                "title": "Treaty of Moscow (1921)",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Treaty_of_Moscow_(1921)",
            },
            {
                "title": "Treaty of Kars",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Treaty_of_Kars",
            },
            {
                "title": "Turkey: A Modern History",
                "author": "Erik J. Zürcher",
                "publisher": "I.B. Tauris",
                "year": "1993",
                "url": "",
            },
            {
                "title": "Atatürk",
                "author": "Andrew Mango",
                "publisher": "John Murray",
                "year": "1999",
                "url": "",
            },
            {
                "title": "Ani",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Ani",
            },
        ],
    },
    {
        "slug": "carrara-marble-from-rome-to-michelangelo",
        "title": "Carrara marble, from Roman quarries to Michelangelo",
        "date": "2026-01-29",
        "last_reviewed": "2026-02-12",
        "author": "L&M Granite and Marble",
        "introduction": (
            "The white marble in many kitchens today comes from the same Tuscan mountains that "
            "supplied Roman builders and Michelangelo. Here is how Carrara marble formed, how it "
            "was quarried and what that history means on a countertop."
        ),
        "hero_image": "material-marble",
        "tags": ["history", "marble", "quarrying"],
        "body": [
            _h2("A mountain range made of marble"),
            _p(
                "<p>Carrara is a town in northern Tuscany, between the Ligurian coast and the "
                "Apuan Alps. The peaks above it are made largely of marble. The stone began as "
                "limestone laid down in a warm, shallow sea during the Jurassic period. Much "
                "later, as the mountains of central Italy were pushed up, heat and pressure "
                "recrystallized that limestone into marble: a dense mass of interlocking "
                "calcite crystals. Where the calcite is nearly pure the stone is white; traces "
                "of other minerals draw the gray veins that people know it by.</p>"
            ),
            _h2("Luna: the marble of Rome"),
            _p(
                "<p>The Romans called it Luna marble, after the colony of Luna near the mouth of "
                "the Magra River, through which the blocks were shipped. Large-scale quarrying "
                "began in the first century BC, when Roman builders wanted a fine white marble "
                "they did not have to import from Greece. Workers split blocks from the "
                "mountainside with picks and wedges, brought them down the slopes, and loaded "
                "them onto ships for the voyage down the coast and up the Tiber to Rome. Luna "
                "marble went into temples, public buildings and statues, and it became the "
                "standard white marble of imperial Rome.</p>"
                "<p>The emperor Augustus was proud of how much his building program changed "
                "the look of the city. His biographer Suetonius recorded the boast that went "
                "with it:</p>"
            ),
            _quote(
                "He could justly boast that he had found it built of brick and left it in marble.",
                "Suetonius, Life of Augustus 28, translated by J. C. Rolfe",
            ),
            _p(
                "<p>Not all of that marble came from Luna, but a great deal of it did. Trajan's "
                "Column in Rome, dedicated in AD 113, is built from huge drums of Luna marble, "
                "carved with a spiral band of relief scenes from the emperor's wars in "
                "Dacia.</p>"
            ),
            _note(
                "<p>The drums of Trajan's Column are hollow and contain a spiral staircase that "
                "leads to a platform at the top.</p>",
                3,
            ),
            _h2("Michelangelo in the quarries"),
            _p(
                "<p>After the fall of the Western Roman Empire, quarrying shrank and Luna itself "
                "declined. Work picked up again as the cities of Tuscany built churches and "
                "cathedrals, and by the Renaissance Carrara was where sculptors went for the "
                "best white stone.</p>"
                "<p>Michelangelo knew the quarries well. He traveled to Carrara to choose blocks "
                "himself and spent months there, because a hidden crack or a dark vein could "
                "spoil years of carving. His Pietà in St. Peter's Basilica is carved from "
                "Carrara marble.</p>"
                "<p>His <i>David</i> tells a different Carrara story. The block had come from the "
                "quarries decades earlier for a sculpture program at Florence Cathedral. Other "
                "sculptors had started work on it and given up, and the tall, narrow block lay "
                "unused for years. Michelangelo took it on in 1501 and finished the statue in "
                "1504. It stands more than five meters tall.</p>"
            ),
            _note(
                "<p>The sculptors who worked on the block before Michelangelo were Agostino di "
                "Duccio and, later, Antonio Rossellino.</p>",
                4,
            ),
            _h2("Carrara today"),
            _p(
                "<p>The quarries are still working, grouped in basins in the valleys above the "
                "town. For centuries blocks were lowered down the mountain on wooden sleds held "
                "back by ropes, a slow and dangerous method called <i>lizzatura</i>. Today "
                "diamond wire saws and heavy machinery do the cutting and hauling.</p>"
                "<p>The scale of the work is easy to see. From the coast, the bare white quarry "
                "faces high on the mountains can look like snow. The town still has marble "
                "workshops and sculpture studios, where artists come to have work carved or to "
                "carve it themselves.</p>"
            ),
            _image(
                "gallery-01",
                "A honed Carrara marble island: the same stone the Romans quarried, in a modern kitchen.",
            ),
            _h2("What it means for your kitchen"),
            _p(
                "<p>In a showroom, “Carrara” usually means Bianco Carrara: a white to "
                "blue-gray background with soft gray veins, and usually the most affordable of "
                "the Italian white marbles. Statuario and Calacatta come from the same region "
                "and are whiter, with bolder veining and higher prices.</p>"
                "<p>All of them are calcite, so the chemistry is the same one the Romans worked "
                "with. Acids such as lemon juice, vinegar and wine etch the surface and leave "
                "dull marks. A honed finish hides etching far better than a polished one, and "
                "many owners come to like the patina, the same softened look that old marble "
                "has in Rome.</p>"
            ),
        ],
        "sources": [
            {
                "title": "Carrara marble",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Carrara_marble",
            },
            {
                "title": "The Lives of the Caesars, Volume I (Loeb Classical Library)",
                "author": "Suetonius, translated by J. C. Rolfe",
                "publisher": "Harvard University Press",
                "year": "1914",
                "url": "",
            },
            {
                "title": "Trajan's Column",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Trajan%27s_Column",
            },
            {
                "title": "David (Michelangelo)",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/David_(Michelangelo)",
            },
            {
                "title": "Michelangelo's Mountain: The Quest for Perfection in the Marble Quarries of Carrara",
                "author": "Eric Scigliano",
                "publisher": "Free Press",
                "year": "2005",
                "url": "",
            },
        ],
    },
    {
        "slug": "how-granite-came-to-the-american-kitchen",
        "title": "How granite came to the American kitchen",
        "date": "2026-02-12",
        "last_reviewed": "2026-02-26",
        "author": "L&M Granite and Marble",
        "introduction": (
            "For most of American history granite meant monuments, bridges and curbstones, not "
            "kitchen counters. Here is how a heavy, hard-to-cut building stone became one of "
            "the most common countertops in the country."
        ),
        "hero_image": "material-granite",
        "tags": ["history", "granite", "design"],
        "body": [
            _h2("A very old stone"),
            _p(
                "<p>Granite forms when molten rock cools slowly far underground. The slow "
                "cooling gives crystals time to grow large enough to see: glassy gray quartz, "
                "white, pink or cream feldspar, and dark flecks of mica or hornblende. That "
                "coarse, speckled grain is what most people picture when they hear the "
                "word.</p>"
                "<p>In the stone trade, “granite” covers more than geologists would allow. "
                "Almost any hard, crystalline stone that is not marble may be sold as granite, "
                "including gneiss, which has been squeezed into bands and swirls, and gabbro, "
                "the dark stone sold as black granite.</p>"
            ),
            _note(
                "<p>Geologists define granite by its mix of minerals. Many countertop "
                "“granites” are other rocks, which is why two slabs sold under the same "
                "word can behave a little differently.</p>",
                1,
            ),
            _h2("A building stone first"),
            _p(
                "<p>For most of the nation's history, granite was for buildings, bridges, "
                "curbstones and monuments. It was slow to cut and very heavy to move. One of the "
                "earliest railroads in the United States, the Granite Railway in Quincy, "
                "Massachusetts, opened in 1826 to haul granite from the quarries toward the "
                "Neponset River for the Bunker Hill Monument. Granite's hardness, the quality "
                "that made it good for steps and curbs, also kept it out of most houses: before "
                "power tools, shaping it took skilled carvers and a great deal of time.</p>"
                "<p>Later, whole towns grew up around granite quarrying and monument carving, "
                "among them Barre in Vermont and Elberton here in Georgia, which still calls "
                "itself the Granite Capital of the World.</p>"
            ),
            _note(
                "<p>The Granite Railway's cars were pulled by horses, not locomotives. It ran "
                "for only a few miles, from the quarries to a wharf on the river.</p>",
                2,
            ),
            _h2("What counters were made of before"),
            _p(
                "<p>American kitchen counters have been many things: wood boards, ceramic tile, "
                "linoleum, metal, and, for much of the twentieth century, decorative plastic "
                "laminate. Formica, the best-known laminate brand, started out in 1913 as a "
                "company making insulation for electrical equipment before its sheets moved into "
                "kitchens. Laminate was cheap and light, came in many colors, and could be cut "
                "with ordinary woodworking tools, which made it the standard counter in "
                "postwar houses. Even the name recalls its first use: the product was made "
                "“for mica,” as a substitute for the mineral mica in electrical "
                "insulation.</p>"
            ),
            _h2("Why granite moved indoors"),
            _p(
                "<p>Wealthy homes had stone counters long before, but granite became common in "
                "ordinary American kitchens only in the last decades of the twentieth century "
                "and the early years of this one. There was no single invention behind the "
                "change. Several things came together:</p>"
                "<ul>"
                "<li><b>Better tools.</b> Diamond saw blades and, later, computer-controlled "
                "routers and water jet cutters made it faster to cut slabs, sink openings and "
                "edges accurately.</li>"
                "<li><b>Wider supply.</b> Quarries in Brazil, India, China and many other "
                "countries shipped polished slabs around the world, in far more colors than "
                "local quarries offered.</li>"
                "<li><b>Full slabs.</b> Polished slabs large enough for a whole run of cabinets "
                "meant a counter could be made from a few pieces with few seams.</li>"
                "<li><b>Changing taste.</b> Granite came to be seen as a sign of an updated "
                "kitchen, and it often showed up in home listings as a selling point.</li>"
                "</ul>"
            ),
            _note(
                "<p>The U.S. Geological Survey tracks dimension stone, meaning stone cut to "
                "size for building and countertops. Its yearly summaries show that the country "
                "imports much of the finished stone it uses.</p>",
                4,
            ),
            _p(
                "<p>Engineered quartz has since become a strong competitor, but granite "
                "remains one of the most popular choices, especially for people who cook a lot "
                "and for outdoor kitchens.</p>"
            ),
            _h2("What this history means when you choose a slab"),
            _p(
                "<p>Because granite now comes from all over the world, the range of colors is "
                "huge, and so is the variation within one color name. Two slabs of the same "
                "stone can differ noticeably, so it is worth seeing the actual slabs before you "
                "decide, and asking where the seams will fall. Ask, too, whether the stone you "
                "like needs sealing: some dense granites barely absorb water, while lighter, "
                "more open-grained ones should be sealed and checked from time to time.</p>"
                "<p>Thickness is worth a question too. Most slabs in American shops are about "
                "2 or 3 centimeters thick, roughly three-quarters of an inch or an inch and a "
                "quarter. Thicker slabs can carry wider overhangs; thinner ones are often built "
                "up at the edge so they look thicker.</p>"
            ),
        ],
        "sources": [
            {
                "title": "Granite",
                "author": "Encyclopaedia Britannica editors",
                "publisher": "Encyclopaedia Britannica",
                "year": "",
                "url": "https://www.britannica.com/science/granite",
            },
            {
                "title": "Granite Railway",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Granite_Railway",
            },
            {
                "title": "Formica (plastic)",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Formica_(plastic)",
            },
            {
                "title": "Dimension Stone Statistics and Information",
                "author": "National Minerals Information Center",
                "publisher": "U.S. Geological Survey",
                "year": "",
                "url": "https://www.usgs.gov/centers/national-minerals-information-center/dimension-stone-statistics-and-information",
            },
            {
                "title": "Elberton, Georgia",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Elberton,_Georgia",
            },
        ],
    },
    {
        "slug": "soapstone-lab-benches-and-farmhouse-sinks",
        "title": "Soapstone: from lab benches to farmhouse sinks",
        "date": "2026-02-26",
        "last_reviewed": "2026-03-09",
        "author": "L&M Granite and Marble",
        "introduction": (
            "Soapstone is soft enough to scratch with a key, yet people have cooked on it, "
            "washed in it and run chemistry experiments on it for centuries. Here is why, and "
            "what that means for a soapstone countertop today."
        ),
        "hero_image": "material-soapstone",
        "tags": ["history", "soapstone", "care"],
        "body": [
            _h2("A soft stone with a long record"),
            _p(
                "<p>Soapstone, also called steatite, is a metamorphic rock rich in talc. Talc is "
                "the softest mineral on the Mohs hardness scale, a 1 out of 10, and it gives the "
                "stone its smooth, slightly soapy feel. Countertop soapstone also contains "
                "harder minerals, which make it firmer than the soft carving grades used for "
                "sculpture, but it is still much softer than granite or quartz.</p>"
                "<p>Soft stone is easy to work with simple tools, and soapstone holds heat well "
                "without cracking. People noticed both qualities very early. In eastern North "
                "America, Native Americans quarried soapstone thousands of years ago and carved "
                "it into cooking bowls, and quarry sites with the scars of removed bowls have "
                "been found in several states, including near Atlanta. In Scandinavia, "
                "soapstone pots were common in the Viking Age.</p>"
            ),
            _note(
                "<p>The older name steatite comes from the Greek word for tallow or fat, a nod "
                "to the same greasy feel that gave soapstone its everyday name.</p>",
                1,
            ),
            _h2("Why chemists liked it"),
            _p(
                "<p>Soapstone is dense, and most acids and alkalis that would eat into marble or "
                "wood barely affect it. A hot flask set down on it will not crack it. For those "
                "reasons soapstone was a common choice for laboratory bench tops and sinks in "
                "schools and universities, before resin and other manufactured surfaces took "
                "over. It was also easy to cut and join, so benches and sinks could be built "
                "from slabs and fitted together with simple joints. Old lab tops still turn up "
                "in salvage yards, scarred and stained but whole, and some of them end up as "
                "kitchen islands.</p>"
            ),
            _h2("Sinks, stoves and griddles"),
            _p(
                "<p>The same qualities made soapstone useful at home. Deep farmhouse and laundry "
                "sinks were assembled from slabs of it, joined at the corners. Wood stoves built "
                "of soapstone soak up heat and release it slowly after the fire dies down. "
                "Soapstone griddles and baking stones spread heat evenly, and people once warmed "
                "slabs of it by the fire to take to bed. Soapstone sinks are still made today, "
                "cut and joined in the shop in much the same way.</p>"
                "<p>In the United States, soapstone was quarried in New England and in "
                "Virginia, where the area around Schuyler became a well-known source for "
                "sinks, laboratory tops and stoves.</p>"
            ),
            _note(
                "<p>Talc, the main mineral in soapstone, is also the basis of talcum powder, "
                "and soapstone has long been used to make the tailor's chalk that marks "
                "cloth.</p>",
                4,
            ),
            _h2("What it looks like"),
            _p(
                "<p>Freshly cut soapstone is usually light to medium gray, sometimes with a blue "
                "or green cast and white or green veins. With use, and especially with oil, it "
                "darkens to charcoal or nearly black while the veins stay lighter. Slabs from the "
                "same quarry can differ noticeably, so, as with any natural stone, it is worth "
                "seeing the actual slab before it is cut.</p>"
            ),
            _h2("A monument clad in soapstone"),
            _p(
                "<p>Soapstone's best-known modern use may be in Rio de Janeiro. The statue of "
                "Christ the Redeemer on Corcovado mountain, completed in 1931, is built of "
                "reinforced concrete and covered with a mosaic of thousands of small triangular "
                "soapstone tiles. The stone was chosen partly because it is durable and easy to "
                "work.</p>"
            ),
            _note(
                "<p>The statue's outer layer of soapstone tiles has needed repair over the "
                "years, mostly because of weather and lightning strikes.</p>",
                3,
            ),
            _h2("Soapstone on a countertop today"),
            _p(
                "<p>The properties that suited chemists and stove makers carry straight over "
                "to the kitchen:</p>"
                "<ul>"
                "<li><b>No sealing.</b> Soapstone is not porous, so liquids sit on top instead "
                "of soaking in.</li>"
                "<li><b>Heat is no problem.</b> A hot pan will not scorch or crack it.</li>"
                "<li><b>Oil is optional.</b> Left alone, soapstone darkens slowly where it is "
                "used. Rubbing it with mineral oil darkens it evenly to a deep charcoal.</li>"
                "<li><b>Scratches come out.</b> Light scratches fade with oil; deeper ones can "
                "be sanded with fine sandpaper.</li>"
                "<li><b>Edges need care.</b> Soft stone dents and chips more easily, so eased "
                "or rounded edges last better than sharp corners.</li>"
                "</ul>"
                "<p>Soapstone suits people who like a counter that records its history, much as "
                "an old lab bench does. If you want a surface that always looks brand new, "
                'quartz or granite will suit you better. Our <a href="/materials/">materials '
                "page</a> compares all five stones we work with.</p>"
            ),
        ],
        "sources": [
            {
                "title": "Soapstone",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Soapstone",
            },
            {
                "title": "Soapstone",
                "author": "Encyclopaedia Britannica editors",
                "publisher": "Encyclopaedia Britannica",
                "year": "",
                "url": "https://www.britannica.com/science/soapstone",
            },
            {
                "title": "Christ the Redeemer (statue)",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Christ_the_Redeemer_(statue)",
            },
            {
                "title": "Talc",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Talc",
            },
        ],
    },
    {
        "slug": "how-engineered-quartz-was-invented",
        "title": "How engineered quartz was invented",
        "date": "2026-03-12",
        "last_reviewed": "2026-03-20",
        "author": "L&M Granite and Marble",
        "introduction": (
            "Quartz countertops are not quarried: they are made in a factory from crushed stone "
            "and resin, using a process developed in northern Italy. Here is where they came "
            "from, what they are good at, and a safety issue worth knowing about."
        ),
        "hero_image": "material-quartz",
        "tags": ["history", "quartz", "design"],
        "body": [
            _h2("Stone made in a factory"),
            _p(
                "<p>A quartz countertop is engineered stone. Crushed natural quartz, from coarse "
                "grains down to fine powder, is mixed with a polymer resin and pigments, pressed "
                "into a slab and cured. Quartz makes up most of the slab by weight; the resin "
                "binds it together and fills the gaps between the grains. Because the recipe is "
                "controlled, makers can also choose the size of the grains: fine powder gives "
                "a smooth, solid look, while larger chips give a speckled one.</p>"
                "<p>People have made artificial stone for a long time, from Roman concrete to "
                "terrazzo floors. What changed with engineered quartz was a way to pack crushed "
                "stone so tightly that the result behaves like a solid slab that can be cut and "
                "polished like natural stone.</p>"
            ),
            _h2("Breton and the Bretonstone process"),
            _p(
                "<p>That method was developed in Italy by Breton, a machinery company founded by "
                "Marcello Toncelli in the province of Treviso, in the Veneto region. The key "
                "idea was to mix the stone grains with resin and then compact the mix under "
                "vacuum while vibrating it. The vacuum pulls out the air, and the vibration "
                "settles the grains into the tightest possible arrangement, so very little "
                "resin is needed and almost no pores are left. The mix is then cured into a "
                "hard slab.</p>"
                "<p>The process came to be called Bretonstone technology, and the technique is "
                "known in the industry as vacuum vibrocompression. Instead of making countertops "
                "itself, Breton built the machinery and licensed the process to manufacturers, "
                "so the same basic method spread to factories in many countries.</p>"
            ),
            _note(
                "<p>Breton still makes machinery for the stone industry, including production "
                "lines for engineered stone, and describes the process on its own website.</p>",
                2,
            ),
            _h2("From floors to kitchen counters"),
            _p(
                "<p>Engineered stone was used for floors, walls and commercial projects before it "
                "became a household name in kitchens. Over time several large brands grew up "
                "around it, among them Caesarstone in Israel, Silestone by Cosentino in Spain, "
                "and Cambria in Minnesota. Today quartz competes directly with granite as one of "
                "the most common countertop choices in American kitchens.</p>"
                "<p>How does it compare with natural stone? Both quartz and granite resist "
                "scratches well in everyday use. The differences lie elsewhere: quartz is more "
                "consistent and never needs sealing, while granite handles heat better and can "
                "go outdoors. Prices overlap a good deal. Slab sizes are set by the press, and "
                "some makers offer extra-large slabs that reduce seams on long islands.</p>"
            ),
            _h2("What the process gives you"),
            _p(
                "<ul>"
                "<li><b>Consistency.</b> Because the slabs are made to a recipe, color and "
                "pattern are predictable from one slab to the next.</li>"
                "<li><b>No sealing.</b> Compaction leaves almost no pores, so stains stay on the "
                "surface where they can be wiped away.</li>"
                "<li><b>Designs that nature does not offer.</b> Pure whites, solid colors and "
                "marble-like veins are all possible.</li>"
                "<li><b>Easy cleaning.</b> Soap and water are enough, and there is no sealer to "
                "renew.</li>"
                "<li><b>A resin weak point.</b> High heat can scorch or discolor the resin, and "
                "strong sunlight can change some colors, which is why quartz is usually kept "
                "indoors and away from hot pans.</li>"
                "</ul>"
            ),
            _h2("A safety issue worth knowing about"),
            _p(
                "<p>Quartz is crystalline silica, and cutting or grinding engineered stone "
                "without proper dust control releases very fine silica dust. Breathing that "
                "dust over time can cause silicosis, a serious and incurable lung disease. "
                "Health agencies have reported severe silicosis among engineered stone "
                "fabrication workers, including young workers. In the United States, OSHA's "
                "silica rule sets limits on worker exposure and requires employers to control "
                "dust, for example by cutting with water. Australia went further and banned the "
                "use of engineered stone from July 2024.</p>"
            ),
            _note(
                "<p>The Centers for Disease Control and Prevention described cases of severe "
                "silicosis among engineered stone fabrication workers in California, Colorado, "
                "Texas and Washington in a 2019 report.</p>",
                4,
            ),
            _note(
                "<p>OSHA's pages on crystalline silica explain the exposure limit and the "
                "dust controls employers are expected to use.</p>",
                3,
            ),
            _p(
                "<p>A finished, installed quartz countertop does not give off dust in normal "
                "use; the risk is to the people who cut it. Whoever fabricates your counters, "
                "it is fair to ask how they control dust in the shop. To compare quartz with "
                "granite, marble, quartzite and soapstone, see our "
                '<a href="/materials/">materials page</a>.</p>'
            ),
        ],
        "sources": [
            {
                "title": "Engineered stone",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Engineered_stone",
            },
            {
                "title": "Breton company website",
                "author": "Breton S.p.A.",
                "publisher": "Breton S.p.A.",
                "year": "",
                "url": "https://www.breton.it/",
            },
            {
                "title": "Silica, Crystalline",
                "author": "Occupational Safety and Health Administration",
                "publisher": "U.S. Department of Labor",
                "year": "",
                "url": "https://www.osha.gov/silica-crystalline",
            },
            {
                "title": "Severe Silicosis in Engineered Stone Fabrication Workers — California, Colorado, Texas, and Washington, 2017–2019",
                "author": "Rose C., Heinzerling A., et al.",
                "publisher": "Centers for Disease Control and Prevention, Morbidity and Mortality Weekly Report",
                "year": "2019",
                "url": "",
            },
        ],
    },
    {
        "slug": "georgia-marble-from-tate-to-the-lincoln-memorial",
        "title": "Georgia marble, from Tate to the Lincoln Memorial",
        "date": "2026-03-26",
        "last_reviewed": "2026-04-02",
        "author": "L&M Granite and Marble",
        "introduction": (
            "North of Atlanta, in Pickens County, lies a belt of marble that built a company town "
            "and supplied the stone for one of the best-known statues in the country. Here is a "
            "short history of Georgia marble."
        ),
        "hero_image": "gallery-06",
        "tags": ["history", "marble", "quarrying"],
        "body": [
            _h2("Marble in the north Georgia mountains"),
            _p(
                "<p>Most of the marble in American kitchens today is imported, much of it from "
                "Italy, Greece, Turkey and Spain. But the United States has its own marble, and "
                "one of the best-known American marbles comes from Georgia. A narrow belt of "
                "marble runs through Pickens County in the north Georgia mountains, and it has "
                "been quarried commercially since the nineteenth century. It formed the way "
                "marble forms everywhere: limestone recrystallized by heat and pressure deep "
                "underground, in this case during the long episodes of mountain building that "
                "raised the Appalachians.</p>"
                "<p>Georgia marble is known for its relatively coarse crystals, which give it a "
                "slight sparkle, and for its range of colors: bright white, gray and a pink "
                "variety sold as Etowah marble. Stone from the area was shipped by rail to "
                "builders and monument makers across the country, and it went into public "
                "buildings, memorials and gravestones.</p>"
            ),
            _h2("Tate, a marble town"),
            _p(
                "<p>The town of Tate grew up around the quarries and the Georgia Marble "
                "Company. For generations the quarries and finishing works were the main "
                "employer, and marble turns up in the town in places other towns would use "
                "concrete or brick. The Tate House, a mansion built for the family that ran "
                "the company, is faced in pink Etowah marble and is often called the Pink "
                "Palace.</p>"
            ),
            _note(
                "<p>Tate is a small unincorporated community in Pickens County; its name comes "
                "from the Tate family, who were closely tied to the marble business there.</p>",
                3,
            ),
            _h2("The Lincoln Memorial"),
            _p(
                "<p>The Lincoln Memorial in Washington, D.C., was dedicated in 1922. Its "
                "architect, Henry Bacon, designed it as a Greek temple, and several American "
                "stones went into it. The outside is Yule marble from Colorado.</p>"
                "<p>The statue of Abraham Lincoln inside was designed by the sculptor Daniel "
                "Chester French and carved by the Piccirilli Brothers, a family of "
                "Italian-born carvers working in New York. As was usual for large marble "
                "statues, French worked out the design in clay and plaster models, and the "
                "carvers enlarged the final model in stone. The statue is Georgia white marble, carved "
                "in 28 separate blocks and assembled in the memorial so closely that it reads "
                "as a single piece of stone. Lincoln is shown seated in a large chair, looking "
                "out toward the Reflecting Pool and the Washington Monument.</p>"
                "<p>Above the statue is the inscription written by the art critic Royal "
                "Cortissoz:</p>"
            ),
            _quote(
                "In this temple, as in the hearts of the people for whom he saved the Union, "
                "the memory of Abraham Lincoln is enshrined forever.",
                "Inscription above the statue, Lincoln Memorial, Washington, D.C.",
            ),
            _note(
                "<p>The National Park Service, which manages the memorial, describes the statue "
                "and the stones used in the building on its Lincoln Memorial pages.</p>",
                2,
            ),
            _h2("Other American marbles"),
            _p(
                "<p>Georgia was not alone. Vermont had a large marble industry centered around "
                "Proctor and the Vermont Marble Company, and Vermont marble was used for many "
                "public buildings. Colorado's Yule marble, from a remote quarry high in the "
                "Rockies, went into the Lincoln Memorial's exterior and the Tomb of the Unknown "
                "Soldier at Arlington National Cemetery. Tennessee produced a pinkish-brown "
                "marble used for floors and walls in many government buildings. Each of these "
                "stones has its own look, and architects of the period often combined several "
                "in one building, as at the Lincoln Memorial.</p>"
            ),
            _note(
                "<p>Yule marble is named for Yule Creek, near the town of Marble, Colorado, "
                "where the quarry is located.</p>",
                4,
            ),
            _h2("What this means for a countertop"),
            _p(
                "<p>Georgia marble, Vermont marble and Italian Carrara are all made of calcite, "
                "so the same care applies: acids etch them, a honed finish hides wear better "
                "than polish, and regular sealing helps against stains. Marble from a domestic "
                "quarry is less common in kitchens than imported slabs, but if you are drawn to "
                "the idea of stone with a local story, ask us what is available and we will "
                "help you look. Whatever the source, the questions are the same: how the stone "
                "is finished, where the seams fall, and how much etching you are comfortable "
                "living with.</p>"
                "<p>Next time you visit the Lincoln Memorial, look closely at the seated figure. "
                "The joints between the blocks are there, but they are hard to find: the kind "
                "of careful fitting every stone worker, from monument carvers to countertop "
                "installers, tries to achieve. It is a good reminder that a seam, done well, is "
                "nothing to be afraid of.</p>"
            ),
        ],
        "sources": [
            {
                "title": "Lincoln Memorial",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Lincoln_Memorial",
            },
            {
                "title": "Lincoln Memorial (official site)",
                "author": "National Park Service",
                "publisher": "U.S. Department of the Interior",
                "year": "",
                "url": "https://www.nps.gov/linc/index.htm",
            },
            {
                "title": "Tate, Georgia",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Tate,_Georgia",
            },
            {
                "title": "Yule marble",
                "author": "Wikipedia contributors",
                "publisher": "Wikipedia",
                "year": "",
                "url": "https://en.wikipedia.org/wiki/Yule_marble",
            },
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Testimonials (samples)
# --------------------------------------------------------------------------------------------

TESTIMONIALS = [
    {
        "quote": "They helped us pick a granite that hides crumbs and kids. The install took one day and the seams are hard to find.",
        "name": "Dana R.",
        "location": "Homeowner, north suburbs",
        "project": "Kitchen, granite",
    },
    {
        "quote": "I was nervous about marble in a bathroom. They explained honed versus polished, and two years in I still love it.",
        "name": "Marcus T.",
        "location": "Homeowner, east side",
        "project": "Bathroom vanity, marble",
    },
    {
        "quote": "Clear estimate, showed up when they said, and cleaned up after. Our white quartz island looks great.",
        "name": "Priya S.",
        "location": "Homeowner, west suburbs",
        "project": "Kitchen island, quartz",
    },
    {
        "quote": "Our grill island needed odd cutouts. They measured twice, and everything fit the first time.",
        "name": "Greg W.",
        "location": "Homeowner, lake community",
        "project": "Outdoor kitchen, granite",
    },
    {
        "quote": "They filled a chip by our sink that I thought meant a new countertop. I can barely find it now.",
        "name": "Lena K.",
        "location": "Homeowner, in town",
        "project": "Repair, granite",
    },
]

# --------------------------------------------------------------------------------------------
# Standard pages
# --------------------------------------------------------------------------------------------

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About us",
        "introduction": (
            "L&M Granite and Marble is a small countertop shop. We measure, cut and install "
            "stone countertops for homeowners, builders and contractors."
        ),
        "body": [
            _h2("What we do"),
            _p(
                "<p>We make and install countertops in granite, marble, quartz, quartzite and "
                "soapstone for kitchens, bathrooms, outdoor kitchens, laundry rooms and "
                "businesses. We also repair chips and worn finishes and seal natural stone.</p>"
            ),
            _h2("How a project works"),
            _p(
                "<ol>"
                "<li><b>Call or send a request.</b> Tell us the room, the stone you are "
                "thinking about and rough sizes. We will give you a ballpark price.</li>"
                "<li><b>Visit and estimate.</b> We look at the space, talk through stone, "
                "edges and sinks, and give you a written estimate.</li>"
                "<li><b>Choose your stone.</b> For natural stone we recommend seeing the actual "
                "slabs.</li>"
                "<li><b>Template.</b> Once the cabinets are in and level, we make an exact "
                "template.</li>"
                "<li><b>Fabricate and install.</b> We cut the stone to the template and install "
                "it, usually in a single visit for a typical kitchen.</li>"
                "</ol>"
            ),
            _h2("Why we write about stone history"),
            _p(
                "<p>Stone has a long story, and we enjoy telling it. Our articles are checked "
                "before they go up, and each one lists its sources so you can read further. If "
                "you find a mistake, let us know.</p>"
            ),
            _h2("Get in touch"),
            _p(
                '<p>Give us a call or use our <a href="/contact/">estimate form</a>. '
                "The phone number is at the top of every page.</p>"
            ),
        ],
    },
    {
        "slug": "faq",
        "title": "Frequently asked questions",
        "introduction": (
            "Answers to the questions we hear most about estimates, choosing a stone, "
            "installation and care. If yours is not here, give us a call."
        ),
        "body": [
            _h2("Estimates and pricing"),
            _faq(
                "How much do stone countertops cost?",
                "<p>It depends on the stone, the size of the job, the edge, the number of "
                'cutouts and whether old tops need removing. Our <a href="/materials/">'
                "materials page</a> shows a typical price range per square foot for each stone, "
                'and the <a href="/contact/">estimate form</a> gives a ballpark figure. Your '
                "written estimate is the number that counts.</p>",
            ),
            _faq(
                "How do I get an estimate?",
                '<p>Call us or fill in the <a href="/contact/">estimate form</a> '
                "with rough sizes and the stone you like. A simple sketch with measurements "
                "helps.</p>",
            ),
            _faq(
                "Do you work with contractors and builders?",
                "<p>Yes. We work with homeowners directly and with contractors, builders and "
                "designers.</p>",
            ),
            _h2("Choosing a stone"),
            _faq(
                "What is the difference between quartz and quartzite?",
                "<p>Quartzite is a natural stone formed from sandstone. Quartz countertops are "
                "engineered from crushed quartz and resin. Quartzite needs sealing and handles "
                "heat well; quartz needs no sealing but should be kept away from hot pans.</p>",
            ),
            _faq(
                "Which stone is best for a busy kitchen?",
                "<p>Granite, quartzite and quartz all stand up well to daily cooking. Marble and "
                "soapstone work too if you like a surface that shows some wear.</p>",
            ),
            _faq(
                "Can I see the actual slab before it is cut?",
                "<p>For natural stone we recommend it, because every slab is different. Ask us "
                "where to see slabs for the stone you are considering.</p>",
            ),
            _h2("Installation"),
            _faq(
                "What do I need to do before installation day?",
                "<p>Clear the counters and the cabinets below them, make sure the sink, faucet "
                "and cooktop are chosen and on site, and arrange for a plumber to reconnect "
                "fixtures afterward.</p>",
            ),
            _faq(
                "Will there be seams?",
                "<p>Most kitchens have at least one, because slabs have a maximum size. We plan "
                "seam locations with you before cutting.</p>",
            ),
            _h2("Care"),
            _faq(
                "Do my countertops need sealing?",
                "<p>Marble, quartzite and most granites do; quartz and soapstone do not. Put a "
                "few drops of water on the stone: if it darkens within several minutes, it is "
                "time to seal.</p>",
            ),
            _faq(
                "What should I clean stone with?",
                "<p>Warm water and mild dish soap. Avoid vinegar and acidic cleaners on marble, "
                "and bleach or scouring powder on any sealed stone.</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "introduction": (
            "What we collect when you ask for an estimate or contact us, why we collect it, "
            "and what we do with it."
        ),
        "body": [
            _h2("What we collect"),
            _p(
                "<p>When you fill in our estimate or contact form, we receive what you type: "
                "usually your name, phone number, email address, town or ZIP code, and details "
                "about your project, such as the room, the stone you are considering, rough "
                "sizes and any message.</p>"
            ),
            _h2("Why we collect it"),
            _p(
                "<p>We use it to answer your request: to call or email you back, prepare an "
                "estimate and schedule a visit if you want one. We do not add you to a mailing "
                "list unless you ask us to.</p>"
            ),
            _h2("How long we keep it"),
            _p(
                "<p>We keep requests as long as we need them to handle your project and keep "
                "ordinary business records. If you would like us to delete your request, call "
                "us or email us and we will do so.</p>"
            ),
            _h2("Who sees it"),
            _p(
                "<p>Only the people at L&amp;M Granite and Marble who handle estimates. We do "
                "not sell or rent your information to anyone.</p>"
            ),
            _h2("Questions"),
            _p("<p>Call us, or write to the email address at the foot of this page.</p>"),
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Contact page and its estimate form
# --------------------------------------------------------------------------------------------

# The estimate builder's price list (pricing/): what a fabricator around Atlanta charged in
# 2026, installed. The office replaces these with its own.
EDGE_PROFILES = [
    {"name": "Eased", "slug": "eased", "price": (0, 0),
     "suits": "Any kitchen: the standard edge, slightly softened corners, included in the price."},
    {"name": "Bevel", "slug": "bevel", "price": (4, 7),
     "suits": "Modern kitchens: a crisp 45-degree cut along the top corner."},
    {"name": "Half bullnose", "slug": "half-bullnose", "price": (8, 12),
     "suits": "Busy family kitchens: a rounded top that is kind to hips and spills."},
    {"name": "Bullnose", "slug": "bullnose", "price": (12, 18),
     "suits": "Islands and bars: rounded top and bottom, soft to lean on."},
    {"name": "Ogee", "slug": "ogee", "price": (20, 30),
     "suits": "Traditional kitchens: an S-shaped curve with a classic look."},
    {"name": "Dupont", "slug": "dupont", "price": (30, 45),
     "suits": "Statement islands: a step down, then a curve, for a formal finish."},
]  # fmt: skip
EDGE_PROFILES_PAGE = {
    "title": "Edge profiles",
    "introduction": (
        "The shape of a countertop's front edge changes how it looks and feels. Here are the "
        "edges we cut, what each suits, and what it adds per foot."
    ),
}
CUTOUTS = [
    {"name": "Undermount kitchen sink", "slug": "undermount-sink", "price": (250, 350)},
    {"name": "Drop-in kitchen sink", "slug": "drop-in-sink", "price": (150, 200)},
    {"name": "Farmhouse sink", "slug": "farmhouse-sink", "price": (300, 450)},
    {"name": "Bathroom sink", "slug": "bathroom-sink", "price": (100, 150)},
    {"name": "Cooktop", "slug": "cooktop", "price": (150, 250)},
    {"name": "Extra faucet hole", "slug": "faucet-hole", "price": (25, 40)},
]
TEAR_OUTS = [
    {"name": "Laminate", "slug": "laminate", "price": (3, 5)},
    {"name": "Tile", "slug": "tile", "price": (5, 8)},
    {"name": "Stone", "slug": "stone", "price": (7, 10)},
]
PRICING_RULES = {
    "waterfall_low": 350,
    "waterfall_high": 600,
    "waterfall_height": 36,
    "waste_percent": 10,
    "minimum_charge": 950,
    "round_to": 50,
}


# Three requests in the lead inbox, priced by the builder when the demo loads: what the visitor
# measured (the price endpoint's JSON) and how far the office has got with each.
SAMPLE_LEADS = [
    {
        "name": "Dana Whitfield",
        "email": "dana.whitfield@example.com",
        "phone": "(404) 555-0142",
        "zip_code": "30306",
        "project_type": "Kitchen",
        "stone": "granite",
        "job": {
            "edge": "eased",
            "runs": [
                {"shape": "l", "legs": ["120", "96"], "exposed_ends": 0, "backsplash": "4"},
                {"shape": "island", "legs": ["72"], "depth": "36", "exposed_ends": 0},
            ],
            "cutouts": {"undermount-sink": 1, "cooktop": 1},
            "tear_out": "laminate",
            "waterfalls": 0,
        },
        "message": "Cabinets go in at the end of the month.",
        "status": "new",
        "days_ago": 0,
    },
    {
        "name": "Marcus Ellery",
        "email": "m.ellery@example.com",
        "phone": "(770) 555-0188",
        "zip_code": "30062",
        "project_type": "Kitchen",
        "stone": "quartz",
        "job": {
            "edge": "half-bullnose",
            "runs": [
                {
                    "shape": "u",
                    "legs": ["96", "132 1/2", "84"],
                    "exposed_ends": 1,
                    "backsplash": "18",
                }
            ],
            "cutouts": {"undermount-sink": 1, "faucet-hole": 1},
            "tear_out": "tile",
            "waterfalls": 0,
        },
        "message": "Full-height backsplash up to the wall cabinets.",
        "status": "contacted",
        "notes": "Called; template visit booked for Thursday morning.",
        "days_ago": 3,
    },
    {
        "name": "Priya Raman",
        "email": "priya.raman@example.com",
        "phone": "(912) 555-0117",
        "zip_code": "31522",
        "project_type": "Bathroom",
        "stone": "marble",
        "job": {
            "edge": "ogee",
            "runs": [{"shape": "vanity", "legs": ["60"], "exposed_ends": 1, "backsplash": "4"}],
            "cutouts": {"bathroom-sink": 2},
            "waterfalls": 0,
        },
        "message": "Double vanity in a beach house on St. Simons Island.",
        "status": "quoted",
        "notes": "Outside our area; quoted with a travel charge by email.",
        "days_ago": 9,
    },
]


CONTACT = {
    "title": "Request a free estimate",
    "introduction": (
        "Tell us a little about your project and we will get back to you with questions or a "
        "first price."
    ),
    "thank_you_text": "<p>We will look at your project and get back to you soon.</p>",
    "subject": "New estimate request from the website",
    "confirmation_text": (
        "Thank you for asking us for an estimate. We have your request and will call or email "
        "you soon to talk it through."
    ),
    # The editors' own questions, after the core fields (contact/forms.py):
    # (label, field type, required, choices, help text)
    "fields": [
        ("Best time to reach you", "dropdown", False, "Any time, Morning, Afternoon, Evening", ""),
        (
            "Tell us about the project",
            "multiline",
            False,
            "",
            "For example the sink you have chosen, or when the cabinets go in.",
        ),
    ],
}

# --------------------------------------------------------------------------------------------
# Gallery
# --------------------------------------------------------------------------------------------

GALLERY = {
    "title": "Our work",
    "introduction": (
        "Kitchens, bathrooms, outdoor kitchens and more. Filter by stone or room, and look "
        "for the before and after pairs to see what a replacement looks like."
    ),
    "photos": [
        {
            "key": "gallery-01",
            "caption": "Honed Carrara marble island with a mitered edge",
            "material": "marble",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-02",
            "caption": "Calacatta marble perimeter counters with a full-height backsplash",
            "material": "marble",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-03",
            "caption": "Polished Carrara marble replacing worn laminate in a galley kitchen",
            "material": "marble",
            "room": "kitchen",
            "before": True,
        },
        {
            "key": "gallery-04",
            "caption": "Carrara marble double vanity with undermount sinks",
            "material": "marble",
            "room": "bathroom",
            "before": False,
        },
        {
            "key": "gallery-05",
            "caption": "White marble vanity top and backsplash replacing an old laminate top",
            "material": "marble",
            "room": "bathroom",
            "before": True,
        },
        {
            "key": "gallery-06",
            "caption": "White marble fireplace surround and hearth",
            "material": "marble",
            "room": "fireplace",
            "before": False,
        },
        {
            "key": "gallery-07",
            "caption": "Speckled gray granite counters with an undermount steel sink, replacing laminate",
            "material": "granite",
            "room": "kitchen",
            "before": True,
        },
        {
            "key": "gallery-08",
            "caption": "Honed black granite island with an eased edge",
            "material": "granite",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-09",
            "caption": "Light gray granite L-shaped counters with a bullnose edge",
            "material": "granite",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-10",
            "caption": "Leathered black granite outdoor counter around a built-in grill",
            "material": "granite",
            "room": "outdoor",
            "before": False,
        },
        {
            "key": "gallery-11",
            "caption": "Brown granite vanity with a vessel sink",
            "material": "granite",
            "room": "bathroom",
            "before": False,
        },
        {
            "key": "gallery-12",
            "caption": "Polished black granite reception counter in a small office",
            "material": "granite",
            "room": "commercial",
            "before": False,
        },
        {
            "key": "gallery-13",
            "caption": "White quartz counters with gray veining replacing a tired laminate kitchen",
            "material": "quartz",
            "room": "kitchen",
            "before": True,
        },
        {
            "key": "gallery-14",
            "caption": "White quartz island with waterfall ends",
            "material": "quartz",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-15",
            "caption": "Gray quartz vanity with an integrated backsplash",
            "material": "quartz",
            "room": "bathroom",
            "before": False,
        },
        {
            "key": "gallery-16",
            "caption": "White quartz folding counter over a washer and dryer",
            "material": "quartz",
            "room": "laundry",
            "before": False,
        },
        {
            "key": "gallery-17",
            "caption": "Quartz coffee bar counter in an office break room",
            "material": "quartz",
            "room": "commercial",
            "before": False,
        },
        {
            "key": "gallery-18",
            "caption": "Marble-look quartz vanity replacing a chipped laminate top",
            "material": "quartz",
            "room": "bathroom",
            "before": True,
        },
        {
            "key": "gallery-19",
            "caption": "White quartzite island with a thick mitered edge",
            "material": "quartzite",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-20",
            "caption": "Gray quartzite counters replacing laminate around a farmhouse sink",
            "material": "quartzite",
            "room": "kitchen",
            "before": True,
        },
        {
            "key": "gallery-21",
            "caption": "Leathered quartzite outdoor bar top on a stone base",
            "material": "quartzite",
            "room": "outdoor",
            "before": False,
        },
        {
            "key": "gallery-22",
            "caption": "Quartzite vanity with matching shower curb",
            "material": "quartzite",
            "room": "bathroom",
            "before": False,
        },
        {
            "key": "gallery-23",
            "caption": "Oiled soapstone counters with an apron-front sink",
            "material": "soapstone",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-24",
            "caption": "Soapstone counter with drainboard grooves cut beside the sink",
            "material": "soapstone",
            "room": "kitchen",
            "before": False,
        },
        {
            "key": "gallery-25",
            "caption": "Soapstone laundry counter with a deep utility sink",
            "material": "soapstone",
            "room": "laundry",
            "before": False,
        },
        {
            "key": "gallery-26",
            "caption": "Soapstone fireplace hearth and surround",
            "material": "soapstone",
            "room": "fireplace",
            "before": False,
        },
        {
            "key": "gallery-27",
            "caption": "Gold granite outdoor kitchen with a side burner cutout",
            "material": "granite",
            "room": "outdoor",
            "before": False,
        },
        {
            "key": "gallery-28",
            "caption": "Unpolished soapstone bathroom vanity with a rounded edge",
            "material": "soapstone",
            "room": "bathroom",
            "before": False,
        },
    ],
}

# --------------------------------------------------------------------------------------------
# Slab yard
# --------------------------------------------------------------------------------------------

# "{hold_hours}" is filled in from settings.SLAB_HOLD_HOURS when the demo loads.
SLAB_YARD = {
    "title": "Slab yard",
    "introduction": (
        "Every slab and remnant standing in our yard today, photographed and measured. Narrow "
        "the list by stone, colour or the size of your piece. When one catches your eye, hold "
        "it for {hold_hours} hours, free, and come and see it in daylight. Remnants are the "
        "ends of larger slabs, sold at the price shown: often just right for a vanity, a desk "
        "or a small island."
    ),
}

# How each colour looks: the tint its photo is coloured toward (made at load time from the
# stone's close-up, core/demo/photos/material-<stone>.jpg) and the words its alt text uses; for
# some, how strongly the close-up's pattern shows (contrast, 1 if not given), another stone's
# close-up to start from, or light veins on a dark ground.
SLAB_COLOURS = {
    # Granite
    "Absolute Black": {"tint": "#1b1b1d", "looks": "near-black with a fine, even grain", "contrast": 0.4},
    "Steel Grey": {"tint": "#55585d", "looks": "charcoal grey with silver and black specks", "contrast": 0.8},
    "Colonial White": {"tint": "#d6d1c7", "looks": "off-white with grey specks and small burgundy flecks", "contrast": 0.6},
    "Giallo Ornamental": {"tint": "#cbb28b", "looks": "warm beige-gold with grey and brown specks", "contrast": 0.7},
    "Blue Pearl": {"tint": "#4b5569", "looks": "blue-grey with large crystals that shimmer blue", "contrast": 0.9},
    "Uba Tuba": {"tint": "#2f3a2e", "looks": "deep green, almost black, with gold and green flecks", "contrast": 0.8},
    "Baltic Brown": {"tint": "#5e4636", "looks": "brown with round copper crystals ringed in black", "contrast": 0.9},
    # Marble
    "Carrara": {"tint": "#e4e4e1", "looks": "white to pale grey with soft, feathery grey veins"},
    "Calacatta Gold": {"tint": "#eee8da", "looks": "bright white with bold grey veins touched with gold"},
    "Statuario": {"tint": "#f1f0ec", "looks": "bright white with broad, dramatic grey veins"},
    "Crema Marfil": {"tint": "#dac9ac", "looks": "creamy beige with faint, paler veins"},
    "Nero Marquina": {"tint": "#1e1e20", "looks": "black with crisp white veins", "light_veins": True},
    # Quartz: plain descriptions, not a manufacturer's names
    "Solid White": {"tint": "#eeedea", "looks": "plain white with a fine, even grain"},
    "Veined White": {"tint": "#ebeae6", "looks": "white with long, soft grey veins", "texture": "marble"},
    "Warm Grey": {"tint": "#a7a29a", "looks": "warm mid-grey with a fine grain"},
    "Concrete Grey": {"tint": "#8e8f8d", "looks": "light grey, lightly mottled like polished concrete"},
    "Charcoal": {"tint": "#3b3c3e", "looks": "dark charcoal with a fine grain"},
    "Sand": {"tint": "#d2c4a9", "looks": "sandy beige with small darker flecks"},
    # Quartzite
    "Taj Mahal": {"tint": "#e2d6c1", "looks": "creamy white with soft beige and gold veins"},
    "Super White": {"tint": "#d7d9d8", "looks": "white and grey with veins like marble"},
    "Fantasy Brown": {"tint": "#a59686", "looks": "pale grey with flowing brown and grey bands"},
    "Sea Pearl": {"tint": "#b2b3a7", "looks": "grey-green with silvery waves"},
    "Mont Blanc": {"tint": "#d8d6d0", "looks": "white with fine, straight grey lines"},
    # Soapstone
    "Santa Rita": {"tint": "#4b5051", "looks": "dark grey with soft white veins", "contrast": 2.5},
    "Barroca": {"tint": "#3d4341", "looks": "charcoal with pale green-grey veins", "contrast": 2.5},
    "Alberene": {"tint": "#4f5757", "looks": "blue-grey with a few pale veins", "contrast": 2},
}  # fmt: skip


def _slab(stone, colour, lot, finish, thickness, size, location, days_ago, photos=1):
    length, width = size
    return {"kind": "slab", "stone": stone, "colour": colour, "lot": lot, "finish": finish,
            "thickness": thickness, "length": length, "width": width, "price": None,
            "location": location, "days_ago": days_ago, "photos": photos}  # fmt: skip


def _remnant(stone, colour, lot, finish, thickness, size, price, location, days_ago, photos=1):
    return {**_slab(stone, colour, lot, finish, thickness, size, location, days_ago, photos),
            "kind": "remnant", "price": price}  # fmt: skip


# What stands in the yard: the lot is the supplier's tag (a slab's key: loading the demo again
# updates the slab with the same lot); sizes are the usable inches; days_ago is when it came in.
SLABS = [
    # Full slabs: stone, colour, lot, finish, thickness (cm), length x width (in), rack, days ago
    _slab("granite", "Absolute Black", "4471-B2", "polished", 3, (118, 70), "Rack 1, bay A", 3),
    _slab("granite", "Absolute Black", "5102-A1", "leathered", 2, (116, 68), "Rack 1, bay A", 19),
    _slab("granite", "Steel Grey", "31807-04", "polished", 3, (126, 74), "Rack 1, bay B", 12),
    _slab("granite", "Colonial White", "C2209-11", "polished", 3, (122, 73), "Rack 1, bay C", 21),
    _slab("granite", "Giallo Ornamental", "GO-7730-2", "polished", 3, (120, 71), "Rack 2, bay A", 34),
    _slab("granite", "Blue Pearl", "BP-1164-5", "polished", 3, (112, 66), "Rack 2, bay B", 8, photos=2),
    _slab("granite", "Uba Tuba", "UT-8821-3", "polished", 3, (110, 65), "Rack 2, bay C", 47),
    _slab("granite", "Baltic Brown", "BB-0456-7", "polished", 2, (114, 68), "Rack 2, bay D", 61),
    _slab("marble", "Carrara", "CA-24117-B3", "honed", 2, (120, 68), "Rack 3, bay A", 5),
    _slab("marble", "Carrara", "CA-24117-B4", "polished", 3, (120, 68), "Rack 3, bay A", 5),
    _slab("marble", "Calacatta Gold", "CG-6120-09", "polished", 3, (124, 72), "Rack 3, bay B", 2, photos=2),
    _slab("marble", "Calacatta Gold", "CG-6120-10", "honed", 3, (124, 72), "Rack 3, bay B", 2),
    _slab("marble", "Statuario", "ST-3318-1", "polished", 3, (128, 76), "Rack 3, bay C", 15, photos=2),
    _slab("marble", "Crema Marfil", "CM-9042-6", "polished", 2, (112, 64), "Rack 3, bay D", 40),
    _slab("marble", "Nero Marquina", "NM-1507-2", "polished", 2, (108, 62), "Rack 4, bay A", 27),
    _slab("quartz", "Solid White", "Q-5531-12", "polished", 3, (130, 65), "Rack 5, bay A", 1),
    _slab("quartz", "Veined White", "Q-5540-03", "polished", 3, (130, 65), "Rack 5, bay A", 9),
    _slab("quartz", "Warm Grey", "Q-4418-08", "honed", 3, (126, 63), "Rack 5, bay B", 18),
    _slab("quartz", "Concrete Grey", "Q-4425-02", "honed", 2, (120, 56), "Rack 5, bay B", 30),
    _slab("quartz", "Charcoal", "Q-3907-05", "polished", 3, (126, 63), "Rack 5, bay C", 23),
    _slab("quartz", "Sand", "Q-3912-01", "polished", 2, (120, 55), "Rack 5, bay C", 53),
    _slab("quartzite", "Taj Mahal", "TM-7781-4", "polished", 3, (126, 77), "Rack 4, bay B", 6, photos=2),
    _slab("quartzite", "Taj Mahal", "TM-7781-5", "leathered", 3, (126, 77), "Rack 4, bay B", 6),
    _slab("quartzite", "Super White", "SW-2203-9", "honed", 3, (122, 74), "Rack 4, bay C", 11),
    _slab("quartzite", "Fantasy Brown", "FB-6654-2", "polished", 3, (118, 72), "Rack 4, bay D", 25, photos=2),
    _slab("quartzite", "Sea Pearl", "SP-1190-6", "leathered", 3, (124, 75), "Rack 6, bay A", 38),
    _slab("quartzite", "Mont Blanc", "MB-3371-1", "honed", 2, (120, 70), "Rack 6, bay B", 44),
    _slab("soapstone", "Santa Rita", "SR-0812-3", "honed", 3, (110, 62), "Rack 6, bay C", 4),
    _slab("soapstone", "Santa Rita", "SR-0812-4", "honed", 3, (108, 60), "Rack 6, bay C", 4),
    _slab("soapstone", "Barroca", "BR-0977-2", "honed", 3, (114, 66), "Rack 6, bay D", 16),
    _slab("soapstone", "Barroca", "BR-0977-5", "leathered", 2, (112, 64), "Rack 6, bay D", 29),
    _slab("soapstone", "Alberene", "AL-2130-1", "honed", 3, (108, 57), "Rack 6, bay D", 57),
    # Remnants: the same, with the price in dollars before the place on the remnant racks
    _remnant("granite", "Absolute Black", "R-0141", "polished", 3, (64, 26), 420, "Remnant rack 1, shelf 1", 7),
    _remnant("granite", "Steel Grey", "R-0152", "polished", 3, (38, 22), 190, "Remnant rack 1, shelf 1", 13),
    _remnant("granite", "Blue Pearl", "R-0160", "polished", 3, (52, 25), 360, "Remnant rack 1, shelf 2", 10),
    _remnant("granite", "Giallo Ornamental", "R-0133", "polished", 3, (76, 38), 540, "Remnant rack 1, shelf 2", 36),
    _remnant("granite", "Colonial White", "R-0168", "polished", 2, (30, 21), 150, "Remnant rack 1, shelf 3", 1),
    _remnant("marble", "Carrara", "R-0145", "honed", 2, (48, 23), 310, "Remnant rack 2, shelf 1", 14),
    _remnant("marble", "Calacatta Gold", "R-0171", "polished", 3, (61, 25), 680, "Remnant rack 2, shelf 1", 2, photos=2),
    _remnant("marble", "Statuario", "R-0129", "polished", 2, (36, 20), 390, "Remnant rack 2, shelf 2", 42),
    _remnant("marble", "Nero Marquina", "R-0174", "polished", 2, (27, 18), 220, "Remnant rack 2, shelf 2", 9),
    _remnant("quartz", "Solid White", "R-0150", "polished", 3, (72, 26), 480, "Remnant rack 3, shelf 1", 17),
    _remnant("quartz", "Charcoal", "R-0157", "polished", 3, (44, 24), 260, "Remnant rack 3, shelf 1", 22),
    _remnant("quartz", "Veined White", "R-0163", "polished", 3, (80, 40), 880, "A-frame by the gate", 6),
    _remnant("quartz", "Warm Grey", "R-0138", "honed", 2, (25, 19), 150, "Remnant rack 3, shelf 2", 31),
    _remnant("quartzite", "Taj Mahal", "R-0166", "polished", 3, (58, 27), 720, "Remnant rack 4, shelf 1", 3),
    _remnant("quartzite", "Super White", "R-0148", "honed", 3, (40, 24), 430, "Remnant rack 4, shelf 1", 20),
    _remnant("quartzite", "Fantasy Brown", "R-0155", "polished", 3, (70, 33), 650, "A-frame by the gate", 26),
    _remnant("soapstone", "Santa Rita", "R-0170", "honed", 3, (42, 22), 340, "Remnant rack 4, shelf 2", 5),
    _remnant("soapstone", "Barroca", "R-0136", "honed", 3, (33, 20), 260, "Remnant rack 4, shelf 2", 39),
]  # fmt: skip

# Visitors who asked to hold a slab from its page (fictional people): the first holds it, the
# others wait in line behind them. Loaded once: a slab with any hold is left as it is.
SLAB_HOLDS = [
    {"lot": "BP-1164-5", "visitors": [
        {"name": "Renee Okafor", "email": "renee.okafor@example.com", "phone": "(404) 555-0171"},
        {"name": "Ben Castillo", "email": "ben.castillo@example.com", "phone": "(770) 555-0129"},
    ]},
    {"lot": "TM-7781-4", "visitors": [
        {"name": "Alicia Moreau", "email": "alicia.moreau@example.com", "phone": "(678) 555-0153"},
    ]},
    {"lot": "R-0145", "visitors": [
        {"name": "Joel Whitaker", "email": "joel.whitaker@example.com", "phone": "(404) 555-0196"},
    ]},
    {"lot": "SR-0812-3", "visitors": [
        {"name": "Hannah Lindqvist", "email": "h.lindqvist@example.com", "phone": "(770) 555-0184"},
    ]},
]  # fmt: skip

# Sold the day it came in: off the website, still in the admin with its story.
SOLD_SLAB = "CG-6120-09"

# --------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------


def _photo(title, alt):
    return {"title": title, "alt": alt}


IMAGES = {
    "hero-kitchen": _photo(
        "Granite kitchen", "Bright kitchen with speckled gray granite countertops and an island"
    ),
    # Gallery photos
    "gallery-01": _photo(
        "Honed Carrara island",
        "Kitchen island topped with honed white Carrara marble with gray veins",
    ),
    "gallery-02": _photo(
        "Calacatta perimeter",
        "White marble counters with bold veining and a matching backsplash up to the cabinets",
    ),
    "gallery-03": _photo(
        "Carrara galley kitchen", "Galley kitchen with polished white Carrara marble counters"
    ),
    "gallery-03-before": _photo(
        "Galley kitchen before", "The same galley kitchen before: worn beige laminate counters"
    ),
    "gallery-04": _photo(
        "Carrara double vanity",
        "Bathroom double vanity with a white marble top and two undermount sinks",
    ),
    "gallery-05": _photo("Marble vanity", "Bathroom vanity with a white marble top and backsplash"),
    "gallery-05-before": _photo(
        "Vanity before", "The same vanity before: an old laminate top with a peeling edge"
    ),
    "gallery-06": _photo("Marble fireplace", "Fireplace with a white marble surround and hearth"),
    "gallery-07": _photo(
        "Gray granite kitchen",
        "Kitchen counters in speckled gray granite with an undermount stainless sink",
    ),
    "gallery-07-before": _photo(
        "Kitchen before granite",
        "The same kitchen before: scratched laminate counters and a drop-in sink",
    ),
    "gallery-08": _photo(
        "Black granite island",
        "Kitchen island with a honed black granite top and square eased edge",
    ),
    "gallery-09": _photo(
        "Gray granite L-shape", "L-shaped kitchen counters in light gray granite with rounded edges"
    ),
    "gallery-10": _photo(
        "Outdoor granite grill island", "Outdoor grill island with a textured black granite top"
    ),
    "gallery-11": _photo(
        "Brown granite vanity", "Bathroom vanity with a brown granite top and a round vessel sink"
    ),
    "gallery-12": _photo(
        "Granite reception counter", "Office reception desk with a polished black granite counter"
    ),
    "gallery-13": _photo(
        "Quartz kitchen", "Kitchen with white quartz counters with soft gray veins"
    ),
    "gallery-13-before": _photo(
        "Kitchen before quartz",
        "The same kitchen before: faded laminate counters with a worn front edge",
    ),
    "gallery-14": _photo(
        "Quartz waterfall island",
        "Kitchen island in white quartz with the stone running down both ends to the floor",
    ),
    "gallery-15": _photo(
        "Gray quartz vanity", "Bathroom vanity with a gray quartz top and matching backsplash"
    ),
    "gallery-16": _photo(
        "Quartz laundry counter",
        "Laundry room with a white quartz counter above a washer and dryer",
    ),
    "gallery-17": _photo(
        "Quartz coffee bar", "Office break room coffee bar with a light quartz counter"
    ),
    "gallery-18": _photo(
        "Marble-look quartz vanity", "Bathroom vanity with a white quartz top patterned like marble"
    ),
    "gallery-18-before": _photo(
        "Vanity before quartz", "The same bathroom vanity before: chipped laminate top"
    ),
    "gallery-19": _photo(
        "Quartzite island", "Kitchen island in white quartzite with a thick mitered edge"
    ),
    "gallery-20": _photo(
        "Quartzite farmhouse kitchen", "Gray quartzite counters around a white farmhouse sink"
    ),
    "gallery-20-before": _photo(
        "Farmhouse kitchen before", "The same kitchen before: dated laminate counters around a sink"
    ),
    "gallery-21": _photo(
        "Quartzite outdoor bar", "Outdoor bar with a textured quartzite top on a stacked stone base"
    ),
    "gallery-22": _photo(
        "Quartzite vanity", "Bathroom vanity in light quartzite with a matching shower curb"
    ),
    "gallery-23": _photo(
        "Soapstone kitchen",
        "Kitchen with dark oiled soapstone counters and a white apron-front sink",
    ),
    "gallery-24": _photo(
        "Soapstone drainboard", "Soapstone counter with drainboard grooves sloping toward the sink"
    ),
    "gallery-25": _photo(
        "Soapstone laundry", "Laundry room with a soapstone counter and deep utility sink"
    ),
    "gallery-26": _photo(
        "Soapstone hearth", "Fireplace with a dark gray soapstone hearth and surround"
    ),
    "gallery-27": _photo(
        "Gold granite outdoor kitchen",
        "Outdoor kitchen with a gold granite counter and a side burner",
    ),
    "gallery-28": _photo(
        "Soapstone vanity", "Bathroom vanity with a gray soapstone top and rounded edge"
    ),
    # Material close-ups
    "material-granite": _photo(
        "Granite close-up", "Close-up of polished granite showing gray, white and black crystals"
    ),
    "material-marble": _photo(
        "Marble close-up", "Close-up of white Carrara marble with soft gray veins"
    ),
    "material-quartz": _photo(
        "Quartz close-up", "Close-up of white engineered quartz with a fine, even grain"
    ),
    "material-quartzite": _photo(
        "Quartzite close-up", "Close-up of light quartzite with flowing gray and tan veins"
    ),
    "material-soapstone": _photo(
        "Soapstone close-up", "Close-up of dark gray soapstone with faint pale veins"
    ),
}


# The edge drawings (tools/edge_drawings.py), one per profile.
IMAGES.update(
    {
        f"edge-{edge['slug']}": _photo(
            f"{edge['name']} edge drawing",
            f"Drawing of a countertop's end in cross-section with a {edge['name'].lower()} edge",
        )
        for edge in EDGE_PROFILES
    }
)
