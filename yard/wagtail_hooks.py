"""The slab yard in the admin menu, its actions on a lead's page, and its History entries."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from yard.admin_views import ADMIN_URLS, SNIPPET_URLS, SlabViewSet, action_buttons
from yard.holds import LOG_ACTIONS, current_hold
from yard.models import Slab

register_snippet(SlabViewSet)


@hooks.register("register_admin_urls")
def register_yard_urls():
    return ADMIN_URLS


@hooks.register("lead_header_buttons")
def slab_buttons_on_a_lead(request, lead):
    """A hold's lead offers the slab and, while this lead holds it, what can be done to it."""
    hold = lead.slab_holds.select_related("slab__material").first()
    if hold is None:
        return []
    slab = hold.slab
    buttons = []
    view = "edit" if request.user.has_perm("yard.change_slab") else "inspect"
    if request.user.has_perm(f"yard.{'change' if view == 'edit' else 'view'}_slab"):
        url = reverse(SNIPPET_URLS + view, args=[slab.pk])
        buttons.append(HeaderButton("Open the slab", url=url, icon_name="table"))
    # Not from a waiting visitor's lead while someone else holds the slab: the wrong hold.
    holder = current_hold(slab)
    if holder is None or holder.lead_id == lead.pk:
        buttons += action_buttons(request, slab, back_url=request.path)
    return buttons


class NoteFormatter(LogFormatter):
    """Shows the note written with the entry: who, until when."""

    def format_message(self, log_entry):
        return log_entry.data.get("note") or self.label


@hooks.register("register_log_actions")
def register_yard_log_actions(actions):
    for action, label in LOG_ACTIONS.items():
        actions.register_action(action)(type(f"{action}Formatter", (NoteFormatter,),
                                             {"label": label}))  # fmt: skip


@hooks.register("estimate_starting_point")
def slab_to_price(value):
    """A slab's page links to the estimate builder with its id: the office reads which slab."""
    slab = Slab.objects.in_stock().select_related("material").filter(pk=int(value)).first()
    return str(slab) if slab else None
