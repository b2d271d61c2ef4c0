from contact.models import ContactPage

ESTIMATE_FIELDS = [
    ("Your name", "singleline", True, ""),
    ("Phone", "phone", True, ""),
    ("Email", "email", True, ""),
    ("Project type", "dropdown", True, "Kitchen, Bathroom, Outdoor kitchen"),
    ("Stone", "material", False, ""),
    ("Area", "area", False, ""),
    ("Message", "multiline", False, ""),
    ("Photos", "photos", False, ""),
]


def make_contact_page(parent, **overrides):
    """The estimate form as the demo builds it, with a notification address."""
    page = ContactPage(
        title="Request a free estimate",
        slug="contact",
        to_address="office@example.com",
        from_address="website@example.com",
        subject="New estimate request",
        thank_you_text="<p>We will be in touch.</p>",
        **overrides,
    )
    page.set_form_fields((*row, "") for row in ESTIMATE_FIELDS)
    parent.add_child(instance=page)
    return page
