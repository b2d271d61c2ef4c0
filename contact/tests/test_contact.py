import pytest
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactFormField, ContactPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(home, business):
    page = ContactPage(
        title="Request a free estimate",
        slug="contact",
        to_address="office@example.com",
        from_address="office@example.com",
        subject="Estimate request",
        thank_you_text="<p>We will be in touch.</p>",
    )
    home.add_child(instance=page)
    ContactFormField.objects.create(page=page, label="Your name", field_type="singleline")
    ContactFormField.objects.create(page=page, label="Email", field_type="email")
    return page


def test_form_renders_with_labels(client, contact):
    html = client.get("/contact/").content.decode()

    assert '<label for="id_your_name">Your name <span class="required">(required)</span>' in html
    assert 'type="email"' in html


def test_estimate_buttons_across_the_site_lead_here(client, contact):
    html = client.get("/").content.decode()

    assert 'href="/contact/"' in html


def test_valid_request_is_stored_and_thanked(client, contact, mailoutbox):
    response = client.post("/contact/", {"your_name": "Ana Díaz", "email": "ana@example.com"})

    assert response.status_code == 200
    assert "We will be in touch." in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.get_data()["your_name"] == "Ana Díaz"
    assert len(mailoutbox) == 1


def test_bad_email_shows_error_and_keeps_what_was_typed(client, contact):
    response = client.post("/contact/", {"your_name": "Ana Díaz", "email": "not-an-email"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Please check the form" in html
    assert "Enter a valid email address." in html
    assert 'value="Ana Díaz"' in html
    assert FormSubmission.objects.count() == 0
