from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.search import SearchArea
from wagtail.admin.ui.components import Component

from contact.models import ContactPage, EstimateRequest
from contact.views import estimate_photo, estimate_request_viewset


@hooks.register("filter_form_submissions_for_user")
def leads_only_for_lead_staff(user, form_pages):
    """Estimate requests are personal data: Wagtail's generic Forms screen shows them only to
    staff who may see leads, whoever can edit the contact page."""
    if user.has_perm("contact.view_estimaterequest"):
        return form_pages
    return form_pages.not_type(ContactPage)


class EstimateRequestSearchArea(SearchArea):
    def is_shown(self, request):
        return request.user.has_perm("contact.view_estimaterequest")


@hooks.register("register_admin_search_area")
def register_estimate_request_search():
    """The admin's search box also looks through requests by name, email or phone."""
    return EstimateRequestSearchArea(
        "Estimate requests",
        reverse(estimate_request_viewset.get_url_name("index")),
        icon_name="mail",
        order=150,
    )


@hooks.register("construct_main_menu")
def hide_generic_forms_menu(request, menu_items):
    """The contact form is the only form, and its requests have their own inbox."""
    menu_items[:] = [item for item in menu_items if item.name != "forms"]


@hooks.register("register_admin_urls")
def register_estimate_photo_url():
    return [path("estimate-photos/<int:pk>/", estimate_photo, name="estimate_photo")]


@hooks.register("register_admin_viewset")
def register_estimate_requests():
    return estimate_request_viewset


class NewEstimateRequestsPanel(Component):
    """Dashboard line: how many requests nobody has picked up yet."""

    name = "new_estimate_requests"
    order = 50

    def render_html(self, parent_context=None):
        count = EstimateRequest.objects.filter(status="new", is_spam=False).count()
        url = reverse(estimate_request_viewset.get_url_name("index")) + "?status=new"
        return format_html(
            '<section class="panel"><h2>Estimate requests</h2>'
            '<p><a href="{}">{} new request{} waiting</a></p></section>',
            url,
            count,
            "" if count == 1 else "s",
        )


@hooks.register("construct_homepage_panels")
def add_estimate_requests_panel(request, panels):
    if request.user.has_perm("contact.view_estimaterequest"):
        panels.append(NewEstimateRequestsPanel())
