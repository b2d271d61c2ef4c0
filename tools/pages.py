"""The demo site's pages that the screenshots, the accessibility tests and Lighthouse visit."""

PAGES = {
    "home": "/",
    "services": "/services/",
    "service": "/services/kitchen-countertops/",
    "materials": "/materials/",
    "edge-profiles": "/edge-profiles/",
    "gallery": "/gallery/",
    "gallery-filtered": "/gallery/?material=marble&room=kitchen",
    "blog": "/blog/",
    "article": "/blog/treaty-of-moscow-1921/",
    "contact": "/contact/",
    "about": "/about/",
    "faq": "/faq/",
    "search": "/search/?q=granite",
    "not-found": "/no-such-page/",
}
# Lighthouse takes half a minute a page: one of each main kind.
LIGHTHOUSE_PAGES = {name: PAGES[name] for name in ["home", "service", "gallery", "article"]}
