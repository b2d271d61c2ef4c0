import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from conftest import sign_in
from contact.models import EstimateRequest
from contact.views import estimate_request_viewset
from staff.roles import EDITORS, LEAD_HANDLERS, MODERATORS

pytestmark = pytest.mark.django_db

INDEX = "estimate_requests:index"


def make_request(contact, **fields):
    values = {"name": "Ana Díaz", "email": "ana@example.com", "phone": "(404) 555-0123"}
    values.update(fields)
    return EstimateRequest.objects.create(page=contact, form_data={}, **values)


@pytest.fixture
def lead_handler(staff_user):
    return staff_user(LEAD_HANDLERS, "handler")


@pytest.fixture
def handler(client, lead_handler):
    sign_in(client, lead_handler)
    return client


def test_inbox_lists_newest_first_and_keeps_spam_apart(handler, contact):
    make_request(contact, name="Older lead")
    make_request(contact, name="Newer lead")
    make_request(contact, name="Spammy McSpam", is_spam=True)

    html = handler.get(reverse(INDEX)).content.decode()
    assert html.index("Newer lead") < html.index("Older lead")
    assert "Spammy McSpam" not in html

    spam = handler.get(reverse(INDEX) + "?is_spam=true").content.decode()
    assert "Spammy McSpam" in spam


@pytest.mark.parametrize("query", ["555-0123", "ana@example", "Díaz"])
def test_search_by_name_email_or_phone(handler, contact, query):
    make_request(contact)
    make_request(contact, name="Bob", email="bob@example.com", phone="(770) 555-9999")

    html = handler.get(reverse(INDEX), {"q": query}).content.decode()

    assert "Ana Díaz" in html and "Bob" not in html


def test_filter_by_status(handler, contact):
    make_request(contact, name="Fresh lead")
    make_request(contact, name="Won lead", status="won")

    html = handler.get(reverse(INDEX), {"status": "won"}).content.decode()

    assert "Won lead" in html and "Fresh lead" not in html


def test_staff_change_status_assignee_and_notes(handler, contact, lead_handler):
    lead = make_request(contact)
    url = reverse(estimate_request_viewset.get_url_name("edit"), args=(lead.pk,))

    response = handler.post(
        url, {"status": "contacted", "assignee": lead_handler.pk, "notes": "Called, visit Tue."}
    )

    assert response.status_code == 302
    lead.refresh_from_db()
    assert (lead.status, lead.assignee, lead.notes) == (
        "contacted",
        lead_handler,
        "Called, visit Tue.",
    )


def test_exports_make_formula_like_cells_harmless(handler, contact):
    make_request(contact, name='=HYPERLINK("http://evil.example")', phone="+1 404 555 0123")

    csv_response = handler.get(reverse(INDEX), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode())))
    name_column = rows[0].index("Name")
    assert rows[1][name_column] == '\'=HYPERLINK("http://evil.example")'

    xlsx_response = handler.get(reverse(INDEX), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content))).active
    cell = [c for c in sheet[2] if "HYPERLINK" in str(c.value)][0]
    assert cell.data_type == "s"


def test_editor_without_permission_is_refused(client, django_user_model, contact):
    make_request(contact)
    editor = django_user_model.objects.create_user("editor", password="pw-for-tests")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, editor)

    lead = EstimateRequest.objects.get()
    for url in [
        reverse(INDEX),
        reverse(INDEX) + "?export=csv",
        reverse(estimate_request_viewset.get_url_name("inspect"), args=(lead.pk,)),
        reverse(estimate_request_viewset.get_url_name("edit"), args=(lead.pk,)),
        reverse(estimate_request_viewset.get_url_name("delete"), args=(lead.pk,)),
        reverse("estimate_request_resend", args=(lead.pk,)),
    ]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Ana Díaz" not in response.content.decode()
    assert (
        client.post(
            reverse(estimate_request_viewset.get_url_name("edit"), args=(lead.pk,)),
            {"status": "won"},
        ).status_code
        == 403
    )
    assert EstimateRequest.objects.get().status == "new"
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "new request" not in dashboard


def test_dashboard_shows_how_many_new_requests_wait(handler, contact):
    make_request(contact)
    make_request(contact, status="quoted")
    make_request(contact, is_spam=True)

    html = handler.get(reverse("wagtailadmin_home")).content.decode()

    assert "1 new request waiting" in html


def test_nobody_adds_requests_by_hand(admin_client, contact):
    index = admin_client.get(reverse(INDEX)).content.decode()
    add = admin_client.get(reverse(estimate_request_viewset.get_url_name("add")))

    assert "Add estimate request" not in index
    assert add.status_code == 403


def test_lead_details_show_labels_and_escape_input(admin_client, contact):
    lead = make_request(contact)
    lead.name = "<b>Ana</b>"
    lead.form_data = {"your_name": "<b>Ana</b>", "message": "<i>Island</i>"}
    lead.save()

    html = admin_client.get(
        reverse(estimate_request_viewset.get_url_name("inspect"), args=(lead.pk,))
    ).content.decode()

    assert "&lt;b&gt;Ana&lt;/b&gt;" in html and "<b>Ana</b>" not in html
    # The editors' questions under their labels; the core fields have columns of their own.
    assert "<dt>Message</dt><dd>&lt;i&gt;Island&lt;/i&gt;</dd>" in html
    assert "<dt>your_name</dt>" not in html


@pytest.mark.parametrize("role, offered", [(MODERATORS, True), (EDITORS, False)])
def test_the_admin_search_offers_requests_only_to_lead_staff(
    client, contact, staff_user, role, offered
):
    sign_in(client, staff_user(role))

    html = client.get("/admin/pages/search/", {"q": "bob"}).content.decode()

    assert (f'href="{reverse(INDEX)}?q=bob"' in html) is offered


def test_undelivered_emails_are_marked_filtered_counted_and_resent(handler, contact):
    stuck = make_request(contact, name="Stuck lead", mail_failed_at=timezone.now(),
                         mail_attempts=8, staff_notified_at=timezone.now())  # fmt: skip
    make_request(contact, name="Fine lead")

    listing = handler.get(reverse(INDEX)).content.decode()
    assert listing.count("Not delivered") == 1
    only_stuck = handler.get(reverse(INDEX), {"undelivered": "true"}).content.decode()
    assert "Stuck lead" in only_stuck and "Fine lead" not in only_stuck
    dashboard = handler.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 request whose emails could not be sent" in dashboard

    inspect = handler.get(
        reverse(estimate_request_viewset.get_url_name("inspect"), args=(stuck.pk,))
    ).content.decode()
    resend_url = reverse("estimate_request_resend", args=(stuck.pk,))
    assert resend_url in inspect
    confirm = handler.get(resend_url).content.decode()
    assert "the office was told on" in confirm  # only the visitor's email is still to go
    response = handler.post(resend_url)

    assert response.status_code == 302
    stuck.refresh_from_db()
    assert (stuck.mail_failed_at, stuck.mail_attempts) == (None, 0)
    [queued] = DBTaskResult.objects.filter(status="READY")
    assert queued.args_kwargs["args"] == [stuck.pk]
    assert "Not delivered" not in handler.get(reverse(INDEX)).content.decode()


def test_a_request_whose_emails_went_out_offers_no_resend(handler, contact):
    lead = make_request(contact)

    inspect = handler.get(
        reverse(estimate_request_viewset.get_url_name("inspect"), args=(lead.pk,))
    )

    assert reverse("estimate_request_resend", args=(lead.pk,)) not in inspect.content.decode()
