"""The price list in the admin: Moderators change it at once, each change kept as a revision
with who made it; Editors cannot; there is one set of pricing rules."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from conftest import sign_in
from materials.factories import MaterialFactory
from materials.models import Material
from pricing.factories import EdgeProfileFactory, PricingRulesFactory
from pricing.models import EdgeProfile, PricingRules
from staff.roles import EDITORS, MODERATORS

pytestmark = pytest.mark.django_db


def edge_form(edge, **changes):
    return {
        "name": edge.name, "slug": edge.slug, "suits": edge.suits, "price_low": "8",
        "price_high": "12", "sort_order": "0", **changes,
    }  # fmt: skip


def test_a_moderator_changes_an_edge_price_and_history_says_who(staff_user):
    edge = EdgeProfileFactory(name="Bullnose", slug="bullnose")
    moderator = sign_in(Client(), staff_user(MODERATORS, "mo"))

    response = moderator.post(
        reverse("wagtailsnippets_pricing_edgeprofile:edit", args=(edge.pk,)),
        edge_form(edge, price_low="9.50", price_high="14"),
    )

    assert response.status_code == 302
    edge.refresh_from_db()
    assert (edge.price_low, edge.price_high) == (9.5, 14)
    revision = edge.latest_revision
    assert revision.user.username == "mo"
    assert revision.content["price_low"] == "9.50"
    history = moderator.get(reverse("wagtailsnippets_pricing_edgeprofile:history", args=(edge.pk,)))
    assert history.status_code == 200 and "mo" in history.content.decode()


def test_a_low_price_above_the_high_one_is_refused(staff_user):
    edge = EdgeProfileFactory(name="Ogee", slug="ogee")
    moderator = sign_in(Client(), staff_user(MODERATORS, "mo"))

    response = moderator.post(
        reverse("wagtailsnippets_pricing_edgeprofile:edit", args=(edge.pk,)),
        edge_form(edge, price_low="30", price_high="20"),
    )

    assert response.status_code == 200
    assert "must not be below the low price" in response.content.decode()
    assert EdgeProfile.objects.get(pk=edge.pk).price_low == 8


def test_editors_cannot_change_prices(staff_user):
    edge = EdgeProfileFactory(name="Bullnose", slug="bullnose")
    editor = sign_in(Client(), staff_user(EDITORS, "ed"))

    response = editor.post(
        reverse("wagtailsnippets_pricing_edgeprofile:edit", args=(edge.pk,)),
        edge_form(edge, price_low="1", price_high="1"),
    )

    assert response.status_code in (302, 403)
    assert EdgeProfile.objects.get(pk=edge.pk).price_low == 8


def test_there_is_one_set_of_pricing_rules(staff_user):
    rules = PricingRulesFactory()
    moderator = sign_in(Client(), staff_user(MODERATORS, "mo"))

    listing = moderator.get(reverse("wagtailsnippets_pricing_pricingrules:list")).content.decode()
    add = moderator.get(reverse("wagtailsnippets_pricing_pricingrules:add"))
    delete = moderator.post(
        reverse("wagtailsnippets_pricing_pricingrules:delete", args=(rules.pk,))
    )

    assert reverse("wagtailsnippets_pricing_pricingrules:add") not in listing
    assert add.status_code in (302, 403) and delete.status_code in (302, 403)
    assert PricingRules.objects.count() == 1


def material_form(**changes):
    return {
        "name": "Limestone", "slug": "limestone", "summary": "A soft, warm stone.",
        "description": rich_text("<p>Soft.</p>"), "care_notes": rich_text(""),
        "durability": "2", "heat_resistance": "3", "stain_resistance": "2", "upkeep": "high",
        "sort_order": "0", **changes,
    }  # fmt: skip


def test_stone_prices_are_the_moderators(staff_user, client):
    editor = sign_in(Client(), staff_user(EDITORS, "ed"))
    add = reverse("wagtailsnippets_materials_material:add")
    assert 'name="price_low"' not in editor.get(add).content.decode()

    # An Editor's new stone has no price: the builder leaves it out until a Moderator sets one.
    response = editor.post(add, material_form(price_low="1", price_high="2"))
    assert response.status_code == 302
    stone = Material.objects.get(slug="limestone")
    assert (stone.price_low, stone.price_high) == (None, None)
    assert (
        "Choose a stone"
        in client.post(
            reverse("estimate_price"), {"stone": "limestone"}, content_type="application/json"
        ).json()["errors"]["stone"]
    )

    moderator = sign_in(Client(), staff_user(MODERATORS, "mo"))
    edit = reverse("wagtailsnippets_materials_material:edit", args=(stone.pk,))
    assert 'name="price_low"' in moderator.get(edit).content.decode()
    moderator.post(edit, material_form(price_low="55", price_high="85"))

    stone.refresh_from_db()
    assert (stone.price_low, stone.price_high) == (55, 85)
    assert stone.latest_revision.user.username == "mo"


def test_an_editor_cannot_bring_back_old_prices_or_copy_them(staff_user):
    stone = MaterialFactory(name="Granite", slug="granite", price_low=40, price_high=60)
    moderator = sign_in(Client(), staff_user(MODERATORS, "mo"))
    edit = reverse("wagtailsnippets_materials_material:edit", args=(stone.pk,))
    moderator.post(edit, material_form(name="Granite", slug="granite", price_low="40",
                                       price_high="60"))  # fmt: skip
    old = stone.revisions.get()
    moderator.post(edit, material_form(name="Granite", slug="granite", price_low="70",
                                       price_high="90"))  # fmt: skip
    editor = sign_in(Client(), staff_user(EDITORS, "ed"))

    reverted = editor.post(
        reverse("wagtailsnippets_materials_material:revisions_revert", args=(stone.pk, old.pk)),
        material_form(name="Granite", slug="granite", summary="Hard and speckled."),
    )
    assert reverted.status_code == 302
    # "Copy" shows the stone's fields in a form that adds a new one.
    copy_page = editor.get(reverse("wagtailsnippets_materials_material:copy", args=(stone.pk,)))
    action = re.search(
        r'<form[^>]*action="([^"]+)"[^>]*method="POST"', copy_page.content.decode(), re.I
    )
    assert action[1] == reverse("wagtailsnippets_materials_material:add")
    copied = editor.post(action[1], material_form(name="Granite copy", slug="granite-copy"))

    stone.refresh_from_db()
    assert stone.summary == "Hard and speckled."  # the revert went through, but not its prices
    assert (stone.price_low, stone.price_high) == (70, 90)
    assert copied.status_code == 302
    copy = Material.objects.get(slug="granite-copy")
    assert (copy.price_low, copy.price_high) == (None, None)
