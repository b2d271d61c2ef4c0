from contact.models import ContactPage

# The editors' own questions; the core fields (name, phone, ...) are the form's (contact/forms.py).
ESTIMATE_FIELDS = [
    ("Message", "multiline", False, ""),
]


def make_contact_page(parent, **overrides):
    """The estimate page as the demo builds it, with one question of the editors' own and a
    notification address."""
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
