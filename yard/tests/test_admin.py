"""The yard in the admin: Editors add and edit slabs, Moderators and Lead handlers hold,
release and sell them, every change is in the slab's History; a delivery comes in by CSV,
all rows or none."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from conftest import sign_in
from contact.models import EstimateRequest
from materials.factories import MaterialFactory
from staff.roles import EDITORS, LEAD_HANDLERS, MODERATORS
from yard import holds
from yard.factories import SlabFactory
from yard.models import Slab, SlabHold

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_role(staff_user):
    def make(role):
        return sign_in(Client(), staff_user(role))

    return make


def action_url(slab, action, next_url=""):
    url = reverse("yard_slab_action", args=[slab.pk, action])
    return url + (f"?next={next_url}" if next_url else "")


def history(slab):
    entries = ModelLogEntry.objects.filter(object_id=str(slab.pk)).order_by("pk")
    return [(entry.action, entry.data.get("note", "")) for entry in entries]


def a_hold(slab, name="Ana"):
    lead = EstimateRequest.objects.create(kind="hold", name=name, email=f"{name}@example.com",
                                          form_data={})  # fmt: skip
    return holds.ask(slab, lead)


def test_an_editor_adds_a_slab_but_cannot_change_its_status(as_role, slab):
    editor = as_role(EDITORS)
    add = editor.get(reverse("wagtailsnippets_yard_slab:add"))
    assert add.status_code == 200
    assert 'name="status"' not in add.content.decode()

    edit = editor.get(reverse("wagtailsnippets_yard_slab:edit", args=[slab.pk])).content.decode()
    assert "Mark sold" not in edit
    refused = editor.post(action_url(slab, "sold"))
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's refusal
    slab.refresh_from_db()
    assert slab.status == Slab.Status.AVAILABLE


@pytest.mark.parametrize("role", [MODERATORS, LEAD_HANDLERS])
def test_moderators_and_lead_handlers_hold_release_and_sell(as_role, slab, role, mailoutbox):
    staff = as_role(role)
    first = a_hold(slab, "Ana")
    a_hold(slab, "Bo")
    ends = first.ends_at

    confirm = staff.get(action_url(slab, "extend"))
    assert confirm.status_code == 200 and "Held for Ana" in confirm.content.decode()
    staff.post(action_url(slab, "extend"))
    first.refresh_from_db()
    assert first.ends_at == ends + datetime.timedelta(hours=48)

    assert "passes to Bo" in staff.get(action_url(slab, "release")).content.decode()
    staff.post(action_url(slab, "release"))
    assert dict(SlabHold.objects.values_list("lead__name", "state")) == {
        "Ana": "ended", "Bo": "holding",
    }  # fmt: skip

    staff.post(action_url(slab, "sold"))
    slab.refresh_from_db()
    assert slab.status == Slab.Status.SOLD
    assert not SlabHold.objects.exclude(state="ended").exists()

    staff.post(action_url(slab, "available"))
    slab.refresh_from_db()
    assert slab.status == Slab.Status.AVAILABLE

    actions = [action for action, _ in history(slab)]
    assert actions == ["yard.held", "yard.waiting", "yard.extended", "yard.released",
                       "yard.passed_on", "yard.sold", "yard.available"]  # fmt: skip
    user = ModelLogEntry.objects.get(object_id=str(slab.pk), action="yard.sold").user
    assert user.groups.filter(name=role).exists()


def test_the_history_page_tells_the_story(as_role, slab):
    a_hold(slab, "Ana")
    moderator = as_role(MODERATORS)
    moderator.post(action_url(slab, "sold"))
    page = moderator.get(reverse("wagtailsnippets_yard_slab:history", args=[slab.pk]))
    text = page.content.decode()
    assert "Held for Ana until" in text and "Marked sold. Ended: Ana." in text


def test_an_action_that_no_longer_applies_changes_nothing(as_role, slab):
    moderator = as_role(MODERATORS)
    response = moderator.post(action_url(slab, "release"), follow=True)
    assert "nothing was changed" in response.content.decode()
    assert history(slab) == []


def test_the_action_goes_back_only_to_this_site(as_role, slab):
    a_hold(slab)
    response = as_role(MODERATORS).post(action_url(slab, "extend", "https://evil.example/"))
    assert response["Location"] == reverse("wagtailsnippets_yard_slab:edit", args=[slab.pk])


def test_a_hold_lead_offers_the_slab_actions(as_role, slab):
    hold = a_hold(slab, "Ana")
    waiting = a_hold(slab, "Bo")
    handler = as_role(LEAD_HANDLERS)
    lead_page = reverse("estimate_requests:inspect", args=[hold.lead.pk])
    page = handler.get(lead_page).content.decode()
    assert "Extend the hold" in page and "Mark sold" in page and "Open the slab" in page
    assert f"next={lead_page}" in page
    # From the waiting visitor's lead, nobody releases the wrong person's hold.
    other = handler.get(reverse("estimate_requests:inspect", args=[waiting.lead.pk]))
    assert "Release the hold" not in other.content.decode()
    assert "Open the slab" in other.content.decode()


def test_the_lead_list_shows_the_kind(as_role, slab):
    a_hold(slab, "Ana")
    page = as_role(LEAD_HANDLERS).get(reverse("estimate_requests:index") + "?kind=hold")
    assert "Slab hold" in page.content.decode() and "Ana" in page.content.decode()


CSV_HEADER = "kind,stone,colour,lot,finish,thickness,length,width,price,location\n"


def upload(client, text, name="delivery.csv"):
    file = SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text)
    return client.post(reverse("yard_import"), {"file": file})


@pytest.fixture
def stones(db):
    MaterialFactory(name="Granite", slug="granite")
    MaterialFactory(name="Marble", slug="marble")


def test_a_delivery_of_twenty_slabs_is_added(as_role, stones):
    rows = "".join(
        f"{'Remnant' if n % 4 == 0 else 'Full slab'},{'Granite' if n % 2 else 'marble'},"
        f"Colour {n},L-{n},{'Honed' if n % 3 == 0 else ''},{'2 cm' if n % 5 == 0 else '3'},"
        f"{100 + n},{60 + n},{'$350' if n % 4 == 0 else ''},Rack {n}\n"
        for n in range(20)
    )
    response = upload(as_role(EDITORS), "\ufeff" + CSV_HEADER + rows)

    assert response.status_code == 302
    assert Slab.objects.count() == 20
    remnant = Slab.objects.get(lot="L-0")
    assert (remnant.kind, remnant.material.slug, remnant.finish, remnant.thickness) == (
        "remnant", "marble", "honed", 2,
    )  # fmt: skip
    assert (remnant.length, remnant.width, remnant.price, remnant.location) == (
        100, 60, 350, "Rack 0",
    )  # fmt: skip
    assert Slab.objects.get(lot="L-1").finish == "polished"
    assert history(remnant) == [("yard.imported", "Added by CSV import.")]


def test_bad_rows_are_each_explained_and_nothing_is_added(as_role, stones):
    rows = (
        "Full slab,Granite,Good one,G1,,3,120,65,,\n"
        "Slab,Onyx,Wrong stone,G2,,3,120,65,,\n"
        "Full slab,Granite,Thick,G3,,4 cm,120,65,,\n"
        "Remnant,Granite,No price,G4,,3,40,20,,\n"
        "Full slab,Granite,Huge,G5,,3,500,65,,\n"
        "Full slab,Granite,,G6,,3,120,sixty,,\n"
        "Tile,Granite,Odd kind,G7,Glossy,3,120,65,,\n"
    )
    response = upload(as_role(EDITORS), CSV_HEADER + rows)

    page = response.content.decode()
    assert response.status_code == 200 and Slab.objects.count() == 0
    assert "Nothing was added" in page
    assert "Row 3: Stone (“Onyx”): not one of our stones (Granite, Marble)." in page
    assert "Row 4: Thickness (“4 cm”): give 2 cm or 3 cm." in page
    assert "Row 5: Price: Give the remnant" in page
    assert "Row 6: Length (“500”)" in page
    assert "Row 7: Colour: This field is required." in page
    assert "Row 7: Width (“sixty”)" in page
    assert "Row 8: Kind (“Tile”): give Full slab or Remnant." in page
    assert "Row 8: Finish (“Glossy”): give Polished, Honed or Leathered." in page
    assert "Row 2" not in page


@pytest.mark.parametrize(
    "content, message",
    [
        ("colour,stone\nA,Granite\n", "Missing column(s): kind, length, thickness, width."),
        (CSV_HEADER.replace("location", "where") + "x\n", "Unknown column(s): where."),
        (CSV_HEADER, "The file has no slabs in it."),
        ("", "The submitted file is empty."),
        (b"\xff\xfe\x00k\x00i", "Save the spreadsheet as CSV (UTF-8)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "Save the spreadsheet as CSV (UTF-8)"),
        ("kind,stone\x00,colour\n", "Missing column(s)"),
        (CSV_HEADER.replace(",", ";") + "slab;Granite\n", "separated by semicolons"),
        ("kind,stone,colour,colour,thickness,length,width\n", "Column(s) named twice: colour."),
        (CSV_HEADER + 'slab,Granite,"' + "x" * 200_000 + '",1,,3,120,60,,\n', "could not be read"),
    ],
)
def test_a_file_that_is_not_a_delivery_is_refused_clearly(as_role, stones, content, message):
    response = upload(as_role(EDITORS), content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Slab.objects.count() == 0


def test_old_mac_line_endings_are_read(as_role, stones):
    rows = CSV_HEADER.replace("\n", "\r") + "Full slab,Granite,Black,B1,,3,120,65,,\r"
    assert upload(as_role(EDITORS), rows).status_code == 302
    assert Slab.objects.get().lot == "B1"


def test_an_import_purges_the_yard_once(
    as_role, stones, yard, purged, django_capture_on_commit_callbacks
):
    rows = "".join(f"Full slab,Granite,C{n},L{n},,3,120,65,,\n" for n in range(20))
    editor = as_role(EDITORS)
    with django_capture_on_commit_callbacks(execute=True):
        upload(editor, CSV_HEADER + rows)
    assert Slab.objects.count() == 20
    assert purged.count("http://localhost/slabs/") == 1


def test_an_old_revision_brings_back_the_details_not_the_status(as_role, slab):
    slab.save_revision()
    revision = slab.latest_revision
    slab.colour = "Renamed"
    slab.save()
    a_hold(slab)
    editor = as_role(EDITORS)
    url = reverse("wagtailsnippets_yard_slab:revisions_revert", args=[slab.pk, revision.pk])
    form = editor.get(url)
    assert form.status_code == 200
    data = {"kind": "slab", "material": slab.material_id, "colour": "Absolute Black",
            "lot": slab.lot, "finish": "polished", "thickness": 3, "length": 120, "width": 65,
            "price": "", "location": "Rack 1", "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0, "photos-MIN_NUM_FORMS": 0,
            "photos-MAX_NUM_FORMS": 1000}  # fmt: skip
    editor.post(url, data)
    slab.refresh_from_db()
    assert slab.colour == "Absolute Black"
    assert slab.status == Slab.Status.ON_HOLD and SlabHold.objects.get().state == "holding"


def test_the_admin_list_reads_the_stones_once(as_role, slab):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    moderator = as_role(MODERATORS)
    url = reverse("wagtailsnippets_yard_slab:list")
    moderator.get(url)
    with CaptureQueriesContext(connection) as few:
        moderator.get(url)
    SlabFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        moderator.get(url)
    assert len(many) == len(few)


def test_a_file_over_the_limit_is_refused(as_role, stones):
    response = upload(as_role(EDITORS), CSV_HEADER + "x" * (1024 * 1024))
    assert "larger than 1 MB" in response.content.decode()


def test_only_staff_who_add_slabs_may_import(as_role, stones):
    assert as_role(LEAD_HANDLERS).get(reverse("yard_import")).status_code in (302, 403)
    assert as_role(EDITORS).get(reverse("yard_import")).status_code == 200


def test_the_yard_menu_and_list(as_role, slab):
    a_hold(slab)
    slab.refresh_from_db()
    page = as_role(MODERATORS).get(reverse("wagtailsnippets_yard_slab:list")).content.decode()
    assert "Absolute Black granite slab" in page and "Add a delivery from a spreadsheet" in page
    assert "Rack 1" in page and f"{timezone.localtime(slab.held_until):%Y}" in page
