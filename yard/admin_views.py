"""The yard in the admin: slabs as snippets with their status actions (extend, release, mark
sold, put back on sale: Moderators and Lead handlers), and the CSV import of a delivery."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from yard import holds
from yard.imports import Delivery
from yard.models import Slab

STATUS_PERMISSION = "yard.change_slab_status"
SNIPPET_URLS = "wagtailsnippets_yard_slab:"

# action: (what it does, its button, what the office is told after)
ACTIONS = {
    "extend": (holds.extend, "Extend the hold", "The hold on {slab} now ends {until}."),
    "release": (holds.release, "Release the hold", "The hold on {slab} is released."),
    "sold": (holds.mark_sold, "Mark sold", "{slab} is marked sold and is off the website."),
    "available": (holds.put_back, "Put back on sale", "{slab} is on the website again."),
}


def actions_for(slab):
    if slab.status == Slab.Status.ON_HOLD:
        return ["extend", "release", "sold"]
    if slab.status == Slab.Status.AVAILABLE:
        return ["sold"]
    return ["available"]


def action_buttons(request, slab, back_url=""):
    """HeaderButtons for what this user may do to this slab now."""
    if not request.user.has_perm(STATUS_PERMISSION):
        return []
    query = f"?next={back_url}" if back_url else ""
    return [
        HeaderButton(
            ACTIONS[action][1],
            url=reverse("yard_slab_action", args=[slab.pk, action]) + query,
            icon_name="lock" if action == "extend" else "tag",
        )  # fmt: skip
        for action in actions_for(slab)
    ]


def slab_action(request, pk, action):
    """Confirm, then do one of ACTIONS; back to where the button was."""
    if not request.user.has_perm(STATUS_PERMISSION) or action not in ACTIONS:
        raise PermissionDenied
    slab = get_object_or_404(Slab.objects.select_related("material"), pk=pk)
    back_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back_url, {request.get_host()}, request.is_secure()):
        back_url = ""
    back_url = back_url or reverse(SNIPPET_URLS + "edit", args=[slab.pk])
    do, label, done = ACTIONS[action]
    if action not in actions_for(slab):
        messages.warning(request, f"{slab} is {slab.get_status_display().lower()} now: "
                         "nothing was changed.")  # fmt: skip
        return redirect(back_url)
    if request.method == "POST":
        try:
            do(slab, request.user)
        except holds.NotOnHold:
            messages.warning(request, f"{slab} is no longer on hold: nothing was changed.")
            return redirect(back_url)
        slab.refresh_from_db()
        until = holds.when(slab.held_until) if slab.held_until else ""
        messages.success(request, done.format(slab=slab, until=until))
        return redirect(back_url)
    hold = holds.current_hold(slab)
    waiting = slab.holds.filter(state=holds.WAITING).select_related("lead")
    return TemplateResponse(
        request,
        "yard/admin/confirm_action.html",
        {"slab": slab, "action": action, "label": label, "hold": hold, "waiting": waiting,
         "back_url": back_url, "hours": holds.hold_length().total_seconds() // 3600,
         "page_title": label, "page_subtitle": str(slab), "header_icon": "tag"},
    )  # fmt: skip


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet (CSV)",
        help_text="One slab a row. Save from Excel or Numbers as “CSV UTF-8”.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


def import_slabs(request):
    """Upload a delivery; every row is checked and either all are added or none."""
    if not request.user.has_perm("yard.add_slab"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    delivery = None
    if request.method == "POST" and form.is_valid():
        delivery = Delivery(form.cleaned_data["file"])
        if not delivery.errors:
            slabs = delivery.save(request.user)
            messages.success(request, f"{len(slabs)} slab(s) added. Add their photos next.")
            return redirect(SNIPPET_URLS + "list")
    return TemplateResponse(
        request,
        "yard/admin/import.html",
        {"form": form, "delivery": delivery, "columns": COLUMN_HELP,
         "page_title": "Add a delivery from a spreadsheet", "header_icon": "upload"},
    )  # fmt: skip


COLUMN_HELP = [
    ("kind", "Full slab or Remnant", True),
    ("stone", "One of the stones, by name, e.g. Granite", True),
    ("colour", "The colour name, e.g. Absolute Black", True),
    ("lot", "Lot or bundle number", False),
    ("finish", "Polished, Honed or Leathered (Polished when empty)", False),
    ("thickness", "2 cm or 3 cm", True),
    ("length", "Inches, a whole number", True),
    ("width", "Inches, a whole number", True),
    ("price", "Remnants only: whole dollars", False),
    ("location", "Where it is in the yard (staff only)", False),
]


class SlabIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("material")

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("yard.add_slab"):
            url = reverse("yard_import")
            buttons.append(
                HeaderButton("Add a delivery from a spreadsheet", url=url, icon_name="upload")
            )
        return buttons


class SlabEditView(EditView):
    @property
    def header_buttons(self):
        return [*super().header_buttons, *action_buttons(self.request, self.object)]


class SlabInspectView(InspectView):
    """What a Lead handler sees of a slab: its details, and the status actions."""

    @property
    def header_buttons(self):
        return [*super().header_buttons, *action_buttons(self.request, self.object)]


class SlabViewSet(SnippetViewSet):
    model = Slab
    icon = "table"
    menu_label = "Slab yard"
    menu_order = 160
    add_to_admin_menu = True
    index_view_class = SlabIndexView
    edit_view_class = SlabEditView
    inspect_view_class = SlabInspectView
    inspect_view_enabled = True
    list_display = [
        "__str__",
        Column("size", label="Size"),
        "thickness",
        "status",
        Column("held_until", label="Held until"),
        "location",
        "created_at",
    ]
    list_filter = ["status", "kind", "material", "finish", "thickness"]
    search_fields = ["colour", "lot", "location"]
    search_backend_name = None
    list_per_page = 50


ADMIN_URLS = [
    path("slab-yard/import/", import_slabs, name="yard_import"),
    path("slab-yard/<int:pk>/<str:action>/", slab_action, name="yard_slab_action"),
]
